"""ForegroundGate: a window's repaint runs without fighting its engines for the GIL.

A window and its sessions share one interpreter, so one GIL. Under a flood an engine
thread runs Python for a few hundred microseconds, calls into the kernel (releasing the
GIL) and takes the GIL back a microsecond later, before the waiting GUI thread has even
woken up. CPython hands the GIL over by force only when its holder has kept it for a
whole switch interval (5 ms) without letting go, and an engine that lets go every few
hundred microseconds never does. A repaint of the receive log calls into Python once
per cell, and each call waited for the GIL: a 10 ms repaint took 25-60 ms.

The same held for applying a slice of a batch to the window's models (qt/session.py):
its few milliseconds of Python took 10-27 ms under a UDP flood. The GUI thread holds
the gate around such a repaint or slice (``with gate:``, nested freely); an
engine given the gate checks :attr:`busy` at the top of each loop turn and, while it is
held, waits on a condition (without the GIL) until the repaint ends, at most
:data:`MAX_WAIT_S`. Nothing is lost meanwhile: the kernel queues what arrives, and
repaints are throttled (at most ten a second under a flood). Engines without a gate
(the command line, tests) never wait.

The other way round, an engine can :meth:`~ForegroundGate.urge` the window to wait: a
server whose clients arrive faster than it accepts them (its accept budget used up, more
waiting) says so, and for :data:`URGENT_S` after each such turn the window applies its
sessions' batches only now and then (qt/turnqueue.py). The kernel's accept queue is the
scarce resource there: once it is full the kernel drops new connection attempts, and
each such client retries only a second later. With 10,000 clients connecting at once the
window's own work per client (list rows, log rows, counters) took half the GIL and the
queue overflowed in about every second run; the list catches up when the burst is over.
"""

from __future__ import annotations

import math
import threading
import time
from typing import Final

#: The longest an engine waits for one repaint (a repaint is ~10 ms; this bounds a bug).
MAX_WAIT_S: Final = 0.05
#: How long one :meth:`ForegroundGate.urge` keeps the window's batches waiting.
URGENT_S: Final = 0.03


class ForegroundGate:
    """Held by the GUI thread around a repaint or a slice; engines wait while it is held.

    Attributes:
        waits: How many times an engine waited (for tests and benchmarks).
    """

    def __init__(self) -> None:
        """Create a gate nobody holds."""
        self._depth = 0
        self._cond = threading.Condition(threading.Lock())
        self.waits = 0
        self._urged = -math.inf

    @property
    def busy(self) -> bool:
        """Whether the GUI thread holds the gate."""
        return self._depth > 0

    def __enter__(self) -> ForegroundGate:
        self._depth += 1  # only the GUI thread holds the gate: no race on the count
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if not self._depth:
            with self._cond:
                self._cond.notify_all()

    def wait(self, timeout: float = MAX_WAIT_S) -> None:
        """Block the calling (engine) thread while the gate is held, at most ``timeout``."""
        with self._cond:
            if self._depth:
                self.waits += 1
                self._cond.wait_for(lambda: not self._depth, timeout)

    def urge(self) -> None:
        """An engine has more waiting in a kernel queue than it takes in one turn.

        Called from the engine thread (a float store: no lock). The window then applies
        batches sparingly for :data:`URGENT_S`, so the engine gets the GIL to empty it.
        """
        self._urged = time.monotonic()

    def urgent(self) -> bool:
        """Whether an engine urged within the last :data:`URGENT_S` (GUI thread)."""
        return time.monotonic() - self._urged < URGENT_S
