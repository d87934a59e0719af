"""TurnQueue: apply queued items in short event-loop turns, so a backlog never freezes the GUI.

A session's worker thread posts its batches to the GUI thread as queued signals, and Qt
delivers every posted event that is waiting in one go: under a flood, three or four
batches (each 5-30 ms of work) and a repaint then ran back to back, and the window
could not answer for 100-300 ms. Queued here instead, waiting batches are applied in
turns of the event loop (a zero-timeout timer): a turn applies batches until
:data:`TURN_BUDGET_MS` have passed (at least one), so input, timers and repaints get
their turn between two slow batches, while quick ones still share a turn (and a
repaint: one turn per batch made 10,000 closing clients half as slow again to clear). Nothing
is dropped or reordered; :meth:`flush` applies what waits at once (when the session
ends, so its last events come before ``finished``).

While ``hold()`` says so (an engine urged the window's gate: clients are arriving faster
than it accepts them, see core/foreground.py), a turn runs only every
:data:`HOLD_EVERY_MS`: the list still moves, but the engine gets the GIL to empty the
kernel's queue before it overflows. The worker lets batches of connection events pile
up meanwhile (qt/worker.py), so the engine does not stop to wait for them either.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from typing import Final, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Slot

ItemT = TypeVar("ItemT")

#: A turn starts no further item once this long has passed since it began.
TURN_BUDGET_MS: Final = 8.0
#: While held back, one turn at most this often.
HOLD_EVERY_MS: Final = 200
#: While held back, how often the hold is asked again (it ends 30 ms after the last urge).
HOLD_POLL_MS: Final = 10


class TurnQueue(QObject, Generic[ItemT]):
    """Calls ``apply(item)`` for each pushed item, in order, in event-loop turns of ~8 ms.

    ``hold``, if given, is asked before each turn: while it returns True, turns are
    :data:`HOLD_EVERY_MS` apart (the hold is asked every :data:`HOLD_POLL_MS`).

    Attributes:
        waiting: Items pushed and not yet applied.
    """

    def __init__(
        self,
        apply: Callable[[ItemT], None],
        parent: QObject | None = None,
        *,
        budget_ms: float = TURN_BUDGET_MS,
        hold: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self._hold = hold
        self._held_turn = -math.inf  # when the last turn that ran while held began
        self._budget_s = budget_ms / 1000
        self._items: deque[ItemT] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._apply_next)

    @property
    def waiting(self) -> int:
        """Items pushed and not yet applied."""
        return len(self._items)

    def push(self, item: ItemT) -> None:
        """Apply ``item`` in a later turn, after every item pushed before it."""
        self._items.append(item)
        if not self._timer.isActive():
            self._timer.start(0)

    def flush(self) -> None:
        """Apply every waiting item now, in order."""
        self._timer.stop()
        while self._items:
            self._apply(self._items.popleft())

    @Slot()
    def _apply_next(self) -> None:
        now = time.monotonic()
        if self._hold is not None and self._hold():
            if now - self._held_turn < HOLD_EVERY_MS / 1000:
                self._timer.start(HOLD_POLL_MS)
                return
            self._held_turn = now
        deadline = now + self._budget_s
        while self._items:
            item = self._items.popleft()
            if self._items:
                self._timer.start(0)  # before applying: an apply that raises stalls nothing
            self._apply(item)
            if time.monotonic() >= deadline:
                return
        self._timer.stop()  # all applied within this turn
