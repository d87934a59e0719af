"""The UDP engine's receive side: one Chunk per datagram, and the kernel's drop count.

Two ways to read, the same Chunks out of both:

* **batched** (Linux): ``recvmmsg()`` fills up to 64 buffers per system call
  (:mod:`.recvmmsg`). The datagrams of one call share one timestamp, the moment the
  call returned. The sender's address is decoded only when it changes: under a flood
  from one sender, one comparison per call says it did not.
* **one call per datagram**: ``recvfrom_into()`` (``recvmsg()`` where there is no
  ``MSG_TRUNC``). The only path off Linux; on Linux it is chosen with the environment
  variable ``NETASSISTANT_UDP_RECV=recvfrom`` (the tests run both).

Both pass ``MSG_TRUNC`` on Linux, so a datagram larger than the receive size comes
out TRUNCATED with its true size in ``orig_len``.

Drops: the kernel counts datagrams it threw away because the receive buffer was full.
Reading that count as ancillary data on every datagram (``SO_RXQ_OVFL``) cost 23 % of
the datagram rate, and said nothing about drops after the last datagram read. Instead
the count is read with ``getsockopt(SO_MEMINFO)`` 200 ms after reading resumes, for
as long as datagrams keep arriving, and once more when the session stops; new drops
become one DROPPED event stamped when they were seen. A drop needs a full queue, and a
full queue is always read afterwards (or the session stops), so after the poll that
follows the last read, received + dropped == sent; an idle session never wakes up.
"""

from __future__ import annotations

import os
import socket
import struct
import sys
import time
from collections.abc import Callable, Iterable
from itertools import islice, repeat
from operator import getitem
from typing import Any

from netassistant.core import errors
from netassistant.core.chunk import Chunk, ChunkFlag, Direction, EventKind, format_address
from netassistant.core.engine import recvmmsg
from netassistant.core.engine.base import READ_BUDGET, Engine
from netassistant.core.i18n import text

#: Environment variable: ``recvfrom`` makes a UDP engine read one datagram per call.
RECV_PATH_ENV = "NETASSISTANT_UDP_RECV"
#: Seconds between reads of the kernel's drop counter while datagrams arrive.
DROP_POLL_INTERVAL = 0.2

_LINUX = sys.platform.startswith("linux")
#: Linux reports a datagram's true size when MSG_TRUNC is passed to recv*(). (A plain int:
#: socket.MsgFlag arithmetic runs Python code.)
_MSG_TRUNC = int(getattr(socket, "MSG_TRUNC", 0)) if _LINUX else 0
#: Linux getsockopt(SO_MEMINFO): an array of u32 whose SK_MEMINFO_DROPS entry counts the
#: datagrams dropped on this socket. Python's socket module has no names for either.
_SO_MEMINFO = 55 if _LINUX else 0
_SK_MEMINFO_DROPS = 8
_MEMINFO_BYTES = 64  # room for newer kernels' longer arrays
#: Datagrams per recvmmsg() call, and the buffer memory a batch may take.
_BATCH_SLOTS = 64
_BATCH_MEMORY = 1024 * 1024
#: recvmmsg() calls per readiness before going back to select() (timers, commands).
_CALLS_PER_WAKEUP = 4

_RX = Direction.RX
_NONE = ChunkFlag.NONE
_TRUNCATED = ChunkFlag.TRUNCATED
_tobytes: Callable[[Any], bytes] = memoryview.tobytes  # slot[:n] -> bytes, one copy


def batched_by_default() -> bool:
    """True if new engines read with ``recvmmsg()`` (Linux, unless the env var says no)."""
    return recvmmsg.AVAILABLE and bool(_MSG_TRUNC) and os.environ.get(RECV_PATH_ENV) != "recvfrom"


def kernel_drops(sock: socket.socket) -> int | None:
    """Datagrams the kernel dropped on ``sock`` since it was opened; None where unknown."""
    if not _SO_MEMINFO:
        return None
    try:
        info = sock.getsockopt(socket.SOL_SOCKET, _SO_MEMINFO, _MEMINFO_BYTES)
    except OSError:
        return None
    if len(info) < 4 * (_SK_MEMINFO_DROPS + 1):
        return None  # a kernel too old to report the drop counter this way
    drops: int = struct.unpack_from("=I", info, 4 * _SK_MEMINFO_DROPS)[0]
    return drops


class DatagramReader:
    """Reads one datagram socket into the engine's pending events.

    Loop thread only. The engine calls :meth:`read` when the socket is readable and
    :meth:`close` before it closes the socket.

    Attributes:
        batched: Reading with ``recvmmsg()`` (see the module docstring).
        last_addr: The last sender's address as ``recvfrom()`` gives it (None before any).
        last_peer: The same, formatted ("" before any datagram).
        dropped: Datagrams the kernel reported dropped so far.
    """

    def __init__(self, engine: Engine, sock: socket.socket, batched: bool) -> None:
        self.batched = batched
        self.last_addr: Any = None
        self.last_peer = ""
        self.dropped = 0
        self._engine = engine
        self._sock = sock
        self._fd = sock.fileno()
        self._buf = bytearray()  # the one-datagram path's buffer, sized when first used
        self._view = memoryview(self._buf)
        self._batch: recvmmsg.DatagramBatch | None = None
        # The last sender's raw address as it sits in every batch slot, and its length.
        self._pattern: bytes | None = None
        self._pattern_len = -1
        self._last_raw: bytes | None = None
        self._counting = kernel_drops(sock) is not None
        self._poll_timer: int | None = None

    # ------------------------------------------------------------------ reading
    def read(self) -> int:
        """Read what is waiting (bounded); returns how many datagrams were read."""
        got = self._read_batches() if self.batched else self._read_singly()
        if got and self._counting and self._poll_timer is None:
            self._poll_timer = self._engine.call_later(DROP_POLL_INTERVAL, self._on_poll_timer)
        return got

    def _read_batches(self) -> int:
        engine = self._engine
        size = engine.recv_size
        batch = self._batch
        if batch is None or batch.size != size:
            slots = max(1, min(_BATCH_SLOTS, _BATCH_MEMORY // size))
            batch = self._batch = recvmmsg.DatagramBatch(slots, size)
            self._pattern = None
        # A slow reader takes one datagram per readiness, as on the other path.
        want, calls = (1, 1) if engine.read_delay else (batch.count, _CALLS_PER_WAKEUP)
        next_seq, local = engine.next_seq, engine.local_address
        count = 0
        for _ in range(calls):
            try:
                n = batch.receive(self._fd, _MSG_TRUNC, want)
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                self._report(exc)
                break
            ts = time.time_ns()  # when the call returned: the same for its whole batch
            lengths = batch.lengths(n)
            peers = repeat(self.last_peer, n) if self._same_sender(batch, n) else self._peers(n)
            # slot[:length] is the datagram, or its first `size` bytes if it was truncated.
            datas = list(map(_tobytes, map(getitem, batch.slots, map(slice, lengths))))
            if max(lengths) <= size:
                flags: Iterable[ChunkFlag] = repeat(_NONE, n)
                origs: Iterable[int] = repeat(-1, n)
                nbytes = sum(lengths)
            else:
                flags = [_TRUNCATED if length > size else _NONE for length in lengths]
                origs = [length if length > size else -1 for length in lengths]
                nbytes = sum(map(len, datas))
            # The same Chunks emit_chunk() makes, built by map/zip in C: per datagram this
            # costs a fraction of a Python-level loop, and the loop was most of the time.
            fields = zip(
                islice(iter(next_seq, None), n),
                repeat(ts, n),
                repeat(0, n),
                repeat(_RX, n),
                repeat(local, n),
                peers,
                datas,
                flags,
                origs,
                strict=True,
            )
            engine.emit_all(list(map(tuple.__new__, repeat(Chunk, n), fields)), nbytes)
            count += n
            if n < want:
                break  # a short batch: the queue is empty, no need to ask again
        return count

    def _same_sender(self, batch: recvmmsg.DatagramBatch, n: int) -> bool:
        """Whether all ``n`` datagrams came from the last sender: one comparison per batch."""
        pattern = self._pattern
        return (
            pattern is not None
            and batch.names_match(n, pattern)
            and batch.name_lengths(n).count(self._pattern_len) == n
        )

    def _peers(self, n: int) -> list[str]:
        """The slow path of a batch: the sender changed somewhere in it."""
        batch = self._batch
        assert batch is not None
        peers = []
        raw = b""
        for i, name_len in enumerate(batch.name_lengths(n)):
            raw = batch.name(i, name_len)
            if raw != self._last_raw:
                self._last_raw = raw
                self._set_sender(recvmmsg.decode_address(raw))
            peers.append(self.last_peer)
        # The next batches from this sender take the fast path.
        self._pattern = batch.slot_pattern(raw)
        self._pattern_len = len(raw)
        return peers

    def _read_singly(self) -> int:
        engine = self._engine
        local, next_seq = engine.local_address, engine.next_seq
        count = 0
        budget = 1 if engine.read_delay else READ_BUDGET
        for _ in range(budget):
            size = engine.recv_size
            if len(self._buf) != size:
                self._buf = bytearray(size)
                self._view = memoryview(self._buf)
            try:
                if _MSG_TRUNC:
                    # With MSG_TRUNC, recvfrom_into returns the datagram's true length.
                    n, addr = self._sock.recvfrom_into(self._buf, size, _MSG_TRUNC)
                    data = self._view[: min(n, size)].tobytes()
                    flags, orig = (_TRUNCATED, n) if n > size else (_NONE, -1)
                else:
                    data, _anc, msg_flags, addr = self._sock.recvmsg(size)
                    trunc = msg_flags & getattr(socket, "MSG_TRUNC", 0)
                    flags, orig = (_TRUNCATED, -1) if trunc else (_NONE, -1)
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                self._report(exc)
                break
            if addr != self.last_addr:
                self._set_sender(addr)
            # emit_chunk()'s Chunk, built inline: the named tuple's own __new__ is a Python
            # function, and this runs once per datagram.
            fields = (next_seq(), time.time_ns(), 0, _RX, local, self.last_peer, data, flags, orig)
            engine.emit_all([tuple.__new__(Chunk, fields)], len(data))
            count += 1
        return count

    def _set_sender(self, addr: Any) -> None:
        self.last_addr = addr
        self.last_peer = format_address(addr)

    def _report(self, exc: OSError) -> None:
        # ICMP errors from earlier sends surface here; report and keep serving.
        self._engine.emit_event(
            EventKind.ERROR,
            local=self._engine.local_address,
            message=errors.io_error(exc, "receive", self.last_peer or text("the peer")),
        )

    # -------------------------------------------------------------------- drops
    def _on_poll_timer(self) -> None:
        self._poll_timer = None
        self.poll_drops()

    def poll_drops(self) -> None:
        """Read the kernel's drop counter; new drops become one DROPPED event."""
        total = kernel_drops(self._sock) if self._counting else None
        if total is None or total <= self.dropped:
            return
        new, self.dropped = total - self.dropped, total
        self._engine.emit_event(
            EventKind.DROPPED,
            local=self._engine.local_address,
            sent=new,
            total=total,
            message=text(
                "the kernel dropped {new} datagrams because the receive buffer was "
                "full ({total} in all) — raise SO_RCVBUF or read faster",
                new=new,
                total=total,
            ),
        )

    def close(self) -> None:
        """Last count of drops before the socket closes; stop the poll timer."""
        if self._poll_timer is not None:
            self._engine.cancel_timer(self._poll_timer)
            self._poll_timer = None
        self.poll_drops()
