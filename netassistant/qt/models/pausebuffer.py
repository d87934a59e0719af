"""PauseBuffer: records that arrive while a log is paused, bounded by the log's caps.

The buffer has no caps of its own: :meth:`PauseBuffer.hold` is handed the log's row and
byte caps each time, so a paused view never holds more than the view itself would.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from netassistant.core.chunk import Chunk, Event


class PauseBuffer:
    """The newest records held back while paused, oldest first.

    Attributes:
        held_bytes: Data bytes of the chunks waiting.
    """

    def __init__(self) -> None:
        self._waiting: deque[Event] = deque()
        self.held_bytes = 0

    def __len__(self) -> int:
        return len(self._waiting)

    def hold(self, events: Iterable[Event], max_rows: int, max_bytes: int) -> tuple[int, int]:
        """Add ``events``, then drop the oldest beyond the caps.

        Returns:
            ``(rows, data bytes)`` dropped by this call.
        """
        waiting = self._waiting
        for event in events:
            waiting.append(event)
            if isinstance(event, Chunk):
                self.held_bytes += len(event.data)
        return self.trim(max_rows, max_bytes)

    def trim(self, max_rows: int, max_bytes: int) -> tuple[int, int]:
        """Drop the oldest records until both caps hold; return ``(rows, data bytes)`` dropped."""
        waiting = self._waiting
        rows = dropped_bytes = 0
        while waiting and (len(waiting) > max_rows or self.held_bytes > max_bytes):
            event = waiting.popleft()
            rows += 1
            if isinstance(event, Chunk):
                self.held_bytes -= len(event.data)
                dropped_bytes += len(event.data)
        return rows, dropped_bytes

    def peek(self) -> list[Event]:
        """Every waiting record, oldest first, left in the buffer."""
        return list(self._waiting)

    def take(self) -> list[Event]:
        """Return every waiting record, oldest first, and empty the buffer."""
        events = list(self._waiting)
        self._waiting.clear()
        self.held_bytes = 0
        return events
