"""The selector loop every session engine runs on.

One thread calls :meth:`Engine.run`, which blocks until :meth:`Engine.stop`. Every
other public method is thread-safe: it puts a command on a queue and wakes the
loop through a socketpair, so the loop can block in ``select()`` with no timeout
while idle (no CPU used) and still see a command or ``stop()`` at once.

Events are collected per loop turn and handed to the sink as one list, at most
once per ``flush_interval`` seconds (0 = every turn), which is what lets a GUI
keep up with a flood.

Why over 400 lines: it is the loop and its thread-safe surface (commands, timers,
batching, guarded execution of commands, the send-plan entry points); the plans'
bookkeeping lives in :mod:`netassistant.core.sending.book` and each session kind in its
own module. Splitting the loop itself would only scatter one state machine.
"""

from __future__ import annotations

import collections
import contextlib
import heapq
import itertools
import os
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterable

from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, Event, EventKind
from netassistant.core.config import SessionConfig
from netassistant.core.engine.sockets import SetupError
from netassistant.core.i18n import text
from netassistant.core.sending.book import PlanBook
from netassistant.core.sending.plans import PlanStatus, Route, SendPlan, check_interval
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from netassistant.core.foreground import ForegroundGate
    from netassistant.core.replayfile import ReplaySource

Sink = Callable[[list[Event]], None]

#: Reads per readiness notification before going back to select(): amortises the
#: select() call under a flood without starving other sockets.
READ_BUDGET = 64
#: Data a session moves before it tunes the allocator (engine/memory.py): a flood gets
#: there in its first batches, a short session (a one-shot send) never loads ctypes.
TUNE_MEMORY_AFTER_BYTES = 1024 * 1024


def check_data(data: Any) -> bytes:
    """``data`` as ``bytes`` for a send command, checked in the caller's thread.

    Raises:
        TypeError: ``data`` is not bytes-like (a ``str`` must be encoded first).
    """
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray | memoryview):
        return bytes(data)  # a copy: the caller may change its buffer after the call
    if isinstance(data, str):
        raise TypeError("send() needs bytes, not str: encode the text first (e.g. .encode())")
    raise TypeError(f"send() needs bytes, not {type(data).__name__}")


def check_conn_id(conn_id: Any, *, optional: bool = True) -> None:
    """Raise TypeError/ValueError unless ``conn_id`` is a connection number (or None)."""
    if conn_id is None and optional:
        return
    if isinstance(conn_id, bool) or not isinstance(conn_id, int):
        raise TypeError(f"conn_id must be a whole number, not {conn_id!r}")
    if conn_id < 0:
        raise ValueError(f"conn_id must not be negative, not {conn_id}")


def check_port(port: Any) -> None:
    """Raise TypeError/ValueError unless ``port`` is a port number 0 .. 65535."""
    if isinstance(port, bool) or not isinstance(port, int):
        raise TypeError(f"port must be a whole number, not {port!r}")
    if not 0 <= port <= 65535:
        raise ValueError(f"port must be 0 .. 65535, not {port}")


class Engine:
    """Base class: command queue, wake-up socketpair, timers, event batching.

    Subclasses implement :meth:`_open` (create sockets, register them) and
    :meth:`_close_all`, and the commands that make sense for their kind.

    Attributes:
        config: The session's configuration (validated by the caller).
        local_address: The bound/connected local address once known ("" before).
        first_conn_id: The number the session's first connection gets (a front end that
            keeps the rows of earlier runs passes last + 1, so numbers stay unique).
        next_seq: Returns the next sequence number for a record (loop thread only).
        seqs: The same numbers as an iterator (loop thread only): ``islice(seqs, n)``
            takes ``n`` of them in C, for records built in bulk.
        opened: Set once :meth:`_open` has finished, successfully or not.
        failed: True if the session could not be opened.
    """

    def __init__(
        self,
        config: SessionConfig,
        sink: Sink,
        *,
        flush_interval: float = 0.0,
        max_batch: int = 8192,
        max_batch_bytes: int = 8 * 1024 * 1024,
        first_seq: int = 1,
        first_conn_id: int = 1,
        foreground: ForegroundGate | None = None,
    ) -> None:
        """Set up the loop; nothing is opened before :meth:`run`.

        Args:
            config: The session's configuration (validated by the caller).
            sink: Called on the loop thread with each batch of events, in seq order.
            flush_interval: Seconds between two batches at most (0 = every loop turn).
            max_batch: A batch is handed over early once it holds this many events ...
            max_batch_bytes: ... or this many bytes of data.
            first_seq: The first event's sequence number (a front end that keeps an earlier
                run's rows passes its last seq + 1, so numbers never repeat).
            first_conn_id: The first connection's number (likewise).
            foreground: A window's gate: each loop turn first waits while the GUI thread
                holds it (see foreground.py). None: never wait.

        Raises:
            ValueError: ``first_seq`` or ``first_conn_id`` is not a whole number >= 1.
        """
        # Checked here, in the caller's thread: a bad number must not reach the loop.
        for name, value in (("first_seq", first_seq), ("first_conn_id", first_conn_id)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
        self.config = config
        self._sink = sink
        self._flush_interval = flush_interval
        self._max_batch = max_batch
        self._max_batch_bytes = max_batch_bytes
        self._foreground = foreground
        self._sel = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._commands: collections.deque[tuple[Callable[..., None], tuple[Any, ...]]] = (
            collections.deque()
        )
        self._stop_requested = False
        self._stop_signalled = False
        # Kernel socket state and the wire (TCP, Linux): core/engine/statewatch.py, wire.py.
        self._kernel_watch: Any = None
        self._wire: Any = None
        self.seqs = itertools.count(first_seq)
        #: The next sequence number (loop thread only): a bound ``__next__`` so the hot read
        #: path pays no Python frame for it.
        self.next_seq: Callable[[], int] = self.seqs.__next__
        self.first_conn_id = first_conn_id
        self._pending: list[Event] = []
        self._after_flush: list[Callable[[], None]] = []
        self._pending_bytes = 0
        #: Bytes still to move before the allocator is tuned; None once done.
        self._tune_memory_in: int | None = TUNE_MEMORY_AFTER_BYTES
        self._last_flush = time.monotonic()
        self._timers: list[tuple[float, int, Callable[[], None]]] = []
        self._timer_ids = itertools.count()
        self._cancelled_timers: set[int] = set()
        self._plans = PlanBook(self)
        self.recv_size = config.recv_size
        self.read_delay = config.read_delay_ms / 1000.0
        self.local_address = ""
        self.opened = threading.Event()
        self.failed = False
        self._ran = False

    # ------------------------------------------------------------ thread-safe API
    def stop(self) -> None:
        """Ask the loop to end; :meth:`run` returns within one loop turn.

        The stop is queued behind commands already posted, so a ``send()`` followed by
        ``stop()`` still sends; queued output is flushed as far as the kernel takes it.
        """
        self._stop_signalled = True
        self._post(self._request_stop)

    def _request_stop(self) -> None:
        self._stop_requested = True

    @property
    def stop_requested(self) -> bool:
        """True once :meth:`stop` has been called (from any thread)."""
        return self._stop_signalled or self._stop_requested

    def send(self, data: bytes, conn_id: int | None = None) -> None:
        """Send ``data`` (to one connection, or where the kind sends by default).

        Raises:
            TypeError: ``data`` is not bytes-like or ``conn_id`` not a whole number.
        """
        raise NotImplementedError

    def set_recv_size(self, size: int) -> None:
        """Change the bytes asked for per recv() (1 B .. 1 MiB) while running.

        Raises:
            ValueError: ``size`` is not a whole number in 1 B .. 1 MiB.
        """
        if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 1024 * 1024:
            raise ValueError(f"recv size must be 1 B .. 1 MiB, not {size!r}")
        self._post(self._set_attr, "recv_size", size)

    def set_read_delay(self, ms: int) -> None:
        """Change the "slow reader" delay before each recv() while running.

        Raises:
            ValueError: ``ms`` is not a whole number of milliseconds in 0 .. 60000.
        """
        if isinstance(ms, bool) or not isinstance(ms, int) or not 0 <= ms <= 60_000:
            raise ValueError(f"the read delay must be 0 .. 60000 ms, not {ms!r}")
        self._post(self._set_attr, "read_delay", ms / 1000.0)

    def _set_attr(self, name: str, value: Any) -> None:
        setattr(self, name, value)

    def call_soon(self, fn: Callable[..., None], *args: Any) -> None:
        """Run ``fn(*args)`` on the loop thread, after the commands already posted.

        Thread-safe. This is how a front end's pipeline reconfigures itself in step with
        the events (see :mod:`netassistant.core.pipeline`).
        """
        self._post(fn, *args)

    def _post(self, fn: Callable[..., None], *args: Any) -> None:
        self._commands.append((fn, args))
        self._wake()

    def _wake(self) -> None:
        # A full pipe already guarantees a wake-up; a closed one means we are done.
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")

    # --------------------------------------------------------- the send toolkit
    def start_plan(self, plan: SendPlan) -> int:
        """Start a repeat / periodic / burst / split / counted send (see :class:`SendPlan`).

        Progress arrives as SEND_PROGRESS events (``sent`` = messages sent, ``total`` =
        ``plan.count``, 0 for a periodic send) at most ~10 times a second, plus one when
        the plan ends; a target that goes away ends the plan with one ERROR event.

        Returns:
            The plan id, for :meth:`cancel_plan`, :meth:`set_plan_interval` and
            :meth:`plan_status`.
        """
        if not isinstance(plan, SendPlan):
            raise TypeError("start_plan() needs a SendPlan")
        plan_id = self._plans.new_plan("plan", plan.count)
        self._post(self._plans.do_start_plan, plan_id, plan)
        return plan_id

    def send_file(
        self,
        path: str | os.PathLike[str],
        conn_id: int | None = None,
        *,
        chunk_size: int = 64 * 1024,
        udp_host: str = "",
        udp_port: int = 0,
        reply: bool = False,
        datagram_size: int = 1400,
    ) -> int:
        """Stream a file from disk, one TX chunk per piece.

        ``chunk_size`` pieces on TCP, one datagram per ``datagram_size`` piece on UDP.

        Never more than a small high-water mark of the file is held in memory.
        Progress arrives as SEND_PROGRESS events in bytes (``sent`` / ``total``), at most
        ~10 a second plus a final one; an unreadable file or a connection that goes
        away is one ERROR event saying how much was sent.

        Returns:
            An id, cancellable with :meth:`cancel_plan`.
        """
        if not 1 <= chunk_size <= 16 * 1024 * 1024:
            raise ValueError(f"the chunk size must be 1 B .. 16 MiB, not {chunk_size}")
        if not 1 <= datagram_size <= 65527:
            raise ValueError(f"the datagram size must be 1 .. 65527 bytes, not {datagram_size}")
        plan_id = self._plans.new_plan("file", 0)
        target = (conn_id, udp_host, udp_port, reply)
        self._post(
            self._plans.do_send_file, plan_id, os.fspath(path), target, chunk_size, datagram_size
        )
        return plan_id

    def start_replay(
        self,
        source: ReplaySource,
        total: int,
        conn_id: int | None = None,
        *,
        udp_host: str = "",
        udp_port: int = 0,
        reply: bool = False,
    ) -> int:
        """Replay one side of a recording checked with ``replayfile.scan`` (``total`` chunks).

        One send per recorded chunk, at the recorded times scaled by ``source.speed``
        (see :mod:`netassistant.core.sending.replay`); cancellable like a plan.
        """
        plan_id = self._plans.new_plan("replay", total)
        target = (conn_id, udp_host, udp_port, reply)
        self._post(self._plans.do_start_replay, plan_id, source, target, total)
        return plan_id

    def cancel_plan(self, plan_id: int) -> None:
        """Stop a plan or file send; its final event says how far it got (unknown ids: no-op)."""
        self._post(self._plans.do_cancel, plan_id)

    def cancel_all_plans(self) -> None:
        """Stop every running plan and file send."""
        self._post(self._plans.do_cancel_all)

    def set_plan_interval(self, plan_id: int, interval_ms: float) -> None:
        """Change a running plan's interval; a wait under way is re-timed at once."""
        check_interval(interval_ms)
        self._post(self._plans.do_set_interval, plan_id, interval_ms)

    def plan_status(self, plan_id: int) -> PlanStatus | None:
        """The latest status of a plan or file send (None for an unknown id)."""
        return self._plans.status(plan_id)

    def plans(self) -> dict[int, PlanStatus]:
        """The status of every running and recently finished plan, by id."""
        return self._plans.statuses()

    def queued_bytes(self, conn_id: int | None = None) -> int:
        """Bytes accepted for sending but not yet handed to the kernel (approximate).

        ``conn_id`` None = the sum over all connections. Safe from any thread.
        """
        return 0

    # -------------------------------------------------------------------- the loop
    def run(self) -> None:
        """Open the session and serve it until :meth:`stop`; never raises on socket errors."""
        if self._ran:
            raise RuntimeError("an engine runs once; create a new one")
        self._ran = True
        self._sel.register(self._wake_r, selectors.EVENT_READ, self._on_wake)
        try:
            try:
                self._start_observers()  # before _open(): the wire must see the SYN
                self._open()
                if self._wire is not None:
                    self._wire.refilter()  # the port is known now (asked for port 0)
            except SetupError as exc:
                self.failed = True
                # args[0] is the translatable Text; str(exc) would lose its template.
                self.emit_event(EventKind.ERROR, message=exc.args[0])
            finally:
                self.opened.set()
            while not self._stop_requested and not self.failed:
                self._turn()
        finally:
            try:
                try:
                    self._plans.end_all()
                finally:
                    self._close_all()
                    self._close_observers()
            finally:
                self.emit_event(EventKind.STOPPED, local=self.local_address)
                self._after_flush.clear()  # the loop is over: nothing runs after this flush
                self._flush()
                self._sel.close()
                self._wake_r.close()
                self._wake_w.close()

    def close(self) -> None:
        """Release the engine's resources if :meth:`run` never ran (it cleans up itself)."""
        if not self._ran:
            self._ran = True
            self._sel.close()
            self._wake_r.close()
            self._wake_w.close()

    def _turn(self) -> None:
        gate = self._foreground
        if gate is not None and gate.busy:
            gate.wait()
        for key, mask in self._sel.select(self._next_timeout()):
            key.data(key.fileobj, mask)
        if self._timers:
            self._run_timers()
        if self._pending:
            now = time.monotonic()
            if (
                now - self._last_flush >= self._flush_interval
                or len(self._pending) >= self._max_batch
                or self._pending_bytes >= self._max_batch_bytes
            ):
                self._flush(now)

    def _next_timeout(self) -> float | None:
        timeout: float | None = None
        if self._pending:
            timeout = max(0.0, self._last_flush + self._flush_interval - time.monotonic())
        if self._timers:
            until = max(0.0, self._timers[0][0] - time.monotonic())
            timeout = until if timeout is None else min(timeout, until)
        return timeout

    def _flush(self, now: float | None = None) -> None:
        self._last_flush = time.monotonic() if now is None else now
        if self._pending:
            if self._tune_memory_in is not None:
                self._tune_memory_in -= self._pending_bytes
                if self._tune_memory_in <= 0:
                    self._tune_memory()
            batch, self._pending, self._pending_bytes = self._pending, [], 0
            self._sink(batch)
            if self._after_flush:
                # Queued behind whatever the sink posted while it held the batch (an
                # auto-reply's send), so those commands run first.
                waiting, self._after_flush = self._after_flush, []
                for fn in waiting:
                    self._post(fn)

    def _tune_memory(self) -> None:
        # See engine/memory.py: half the flood throughput otherwise; and core/collector.py:
        # a young collection every 700 chunks cost ~7 % of it with 1 KiB reads.
        from netassistant.core.collector import collect_young_less_often
        from netassistant.core.engine.memory import keep_freed_memory

        keep_freed_memory()
        collect_young_less_often()
        self._tune_memory_in = None

    def after_flush(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` after the next flush (loop thread only).

        That is, once the events recorded so far have been handed to the sink and the
        commands the sink posted during that call have run.
        """
        self._after_flush.append(fn)

    def _on_wake(self, sock: Any, mask: int) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except BlockingIOError:
            pass
        while self._commands:
            fn, args = self._commands.popleft()
            self._guarded(fn, *args)

    def _guarded(self, fn: Callable[..., None], *args: Any) -> None:
        """Run one command or timer; a bug in it becomes an ERROR event, not a dead loop."""
        try:
            fn(*args)
        except Exception as exc:
            name = getattr(fn, "__name__", type(fn).__name__).removeprefix("_do_").strip("_")
            self.emit_event(
                EventKind.ERROR,
                local=self.local_address,
                message=text(
                    "internal error in {command}: {error}",
                    command=name,
                    error=f"{type(exc).__name__}: {exc}",
                ),
            )

    def set_interest(
        self, sock: Any, current: int, wanted: int, callback: Callable[..., None]
    ) -> int:
        """Register, modify or unregister ``sock`` so the selector watches ``wanted``.

        Returns:
            ``wanted``, to be kept by the caller as its new ``current``.
        """
        if wanted == current:
            return current
        if not wanted:
            self._sel.unregister(sock)
        elif not current:
            self._sel.register(sock, wanted, callback)
        else:
            self._sel.modify(sock, wanted, callback)
        return wanted

    # ------------------------------------------ kernel state and the wire (TCP)
    def set_wire(self, on: bool) -> None:
        """Show (True) or stop showing this session's TCP segments as SEGMENT events.

        Linux with CAP_NET_RAW only; otherwise one ERROR event says what is needed.
        """
        self._post(self._do_set_wire, bool(on))

    def focus_kernel_state(self, conn_ids: list[int]) -> None:
        """Sample these connections' kernel state whatever the cap (the ones a view shows)."""
        ids = [int(conn_id) for conn_id in conn_ids]
        self._post(self._do_focus_kernel_state, ids)

    def _do_focus_kernel_state(self, ids: list[int]) -> None:
        if self._kernel_watch is not None:
            self._kernel_watch.focus(ids)

    def kernel_targets(self) -> tuple[socket.socket | None, Iterable[tuple[int, socket.socket]]]:
        """The listening socket and the open ``(conn_id, socket)`` pairs, oldest first.

        For the kernel-state watch and the wire (loop thread); stream kinds override it.
        """
        return None, ()

    def kernel_focus_targets(self, conn_ids: Iterable[int]) -> list[tuple[int, socket.socket]]:
        """The ``(conn_id, socket)`` pairs of these open connections (loop thread)."""
        wanted = set(conn_ids)
        return [pair for pair in self.kernel_targets()[1] if pair[0] in wanted]

    def _start_observers(self) -> None:
        if self.config.kernel_state:
            from netassistant.core.engine.statewatch import start_kernel_watch

            self._kernel_watch = start_kernel_watch(self)
        if self.config.wire:
            self._do_set_wire(True)

    def _close_observers(self) -> None:
        if self._wire is not None:
            self._wire.close()
            self._wire = None
        if self._kernel_watch is not None:
            self._kernel_watch.close()
            self._kernel_watch = None

    def _do_set_wire(self, on: bool) -> None:
        if on and self._wire is None:
            from netassistant.core.engine.wire import WireTap

            wire = WireTap(self)
            if wire.open():
                self._wire = wire
        elif not on and self._wire is not None:
            self._wire.close()
            self._wire = None

    # ------------------------------------------------------------------- timers
    def call_later(self, delay: float, fn: Callable[[], None]) -> int:
        """Run ``fn`` on the loop thread after ``delay`` seconds (loop thread only).

        Returns:
            A timer id for :meth:`cancel_timer`.
        """
        timer_id = next(self._timer_ids)
        heapq.heappush(self._timers, (time.monotonic() + delay, timer_id, fn))
        return timer_id

    def cancel_timer(self, timer_id: int) -> None:
        """Forget a timer from :meth:`call_later` (loop thread only; unknown ids are ignored)."""
        self._cancelled_timers.add(timer_id)
        self._drop_cancelled_timers()

    def _drop_cancelled_timers(self) -> None:
        # Only the head matters for the select() timeout; the rest go when they come up.
        timers, cancelled = self._timers, self._cancelled_timers
        while timers and timers[0][1] in cancelled:
            cancelled.discard(heapq.heappop(timers)[1])

    def _run_timers(self) -> None:
        now = time.monotonic()
        timers, cancelled = self._timers, self._cancelled_timers
        while timers and timers[0][0] <= now:
            _, timer_id, fn = heapq.heappop(timers)
            if cancelled and timer_id in cancelled:
                cancelled.discard(timer_id)
                continue
            self._guarded(fn)
        if cancelled:
            self._drop_cancelled_timers()

    # ------------------------------------------------------------------- events
    def emit_chunk(
        self,
        conn_id: int,
        direction: Direction,
        local: str,
        peer: str,
        data: bytes,
        flags: ChunkFlag = ChunkFlag.NONE,
        orig_len: int = -1,
    ) -> None:
        """Record one recv()/send() result."""
        self._pending.append(
            Chunk(
                self.next_seq(),
                time.time_ns(),
                conn_id,
                direction,
                local,
                peer,
                data,
                flags,
                orig_len,
            )
        )
        self._pending_bytes += len(data)

    def urge_foreground(self) -> None:
        """Ask the window (if any) to hold back its work: the kernel queues overflow soon.

        See :meth:`ForegroundGate.urge`. Loop thread only; without a gate, nothing.
        """
        gate = self._foreground
        if gate is not None:
            gate.urge()

    def emit_event(self, kind: EventKind, conn_id: int = 0, **fields: Any) -> None:
        """Record a connection event."""
        self._pending.append(ConnEvent(self.next_seq(), time.time_ns(), kind, conn_id, **fields))

    def emit_all(self, records: Iterable[Event], nbytes: int) -> None:
        """Record events built by the caller, in order.

        The hot read path builds its Chunks inline, with seqs from :attr:`next_seq` or
        :attr:`seqs`, and hands them over in one call (an iterator is consumed here, so
        no list is built only to be copied).

        Args:
            records: Chunks/ConnEvents whose seqs were taken from :attr:`next_seq` or
                :attr:`seqs` just now, with nothing else recorded in between.
            nbytes: The bytes of data they carry (counted towards ``max_batch_bytes``).
        """
        self._pending.extend(records)
        self._pending_bytes += nbytes

    def _target_closed(self) -> None:
        """A connection closed: plans aimed at it end now rather than at their next send."""
        self._plans.target_closed()

    # ------------------------------------------------------------- for subclasses
    #: True for datagram sessions: a file goes as one datagram per piece.
    datagrams = False

    def plan_routes(
        self, conn_id: int | None, host: str, port: int, reply: bool, fan_out: bool
    ) -> list[Route] | str:
        """Where a plan or file send goes, or why it cannot start (in plain words).

        For the engine's :class:`~netassistant.core.sending.book.PlanBook` (loop thread).
        ``fan_out`` (file sends): one route per current client rather than a route
        that follows whoever is connected at each send.
        """
        raise NotImplementedError

    def _open(self) -> None:
        raise NotImplementedError

    def _close_all(self) -> None:
        raise NotImplementedError
