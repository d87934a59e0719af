"""Taps: callables that see every event batch in the engine thread.

A tap is installed with :meth:`SessionPipeline.add_tap` and is called with each batch
before any front end sees it, so it keeps up with the wire whatever a view does (paused,
capped, busy). :class:`CaptureTap` feeds a :class:`RawCapture`, :class:`LogCapture`
or :class:`~netassistant.core.pcapexport.PcapCapture`.
"""

from __future__ import annotations

from collections.abc import Callable

from netassistant.core.capture import FileCapture, LogCapture
from netassistant.core.chunk import Event

#: A tap: called with each batch (a list of Chunk/ConnEvent) in the engine thread.
Tap = Callable[[list[Event]], None]


class CaptureTap:
    """A tap that writes every batch to a :class:`RawCapture` or :class:`LogCapture`.

    Writing happens in the engine thread, so a slow disk slows the peer (TCP
    back-pressure) instead of growing memory. A failed write never raises: the capture
    stops and ``error`` says why. Remove the tap before :meth:`close`; a batch already
    being written finishes first (``close`` waits for it).

    Attributes:
        capture: The capture written to.
    """

    def __init__(self, capture: FileCapture) -> None:
        """Wrap ``capture`` (already open) as a tap."""
        self.capture = capture

    def __call__(self, batch: list[Event]) -> None:
        """Write one batch (engine thread)."""
        self.capture.write_batch(batch)

    @property
    def path(self) -> str:
        """The file written to."""
        return self.capture.path

    @property
    def error(self) -> str | None:
        """Why the capture stopped early, or None while all is well."""
        return self.capture.error

    @property
    def bytes_written(self) -> int:
        """Bytes written to the file so far."""
        return self.capture.bytes_written

    @property
    def records_written(self) -> int:
        """Lines written (log captures) or 0 (raw captures)."""
        return self.capture.records_written if isinstance(self.capture, LogCapture) else 0

    @property
    def closed(self) -> bool:
        """True once closed or stopped by a write error."""
        return self.capture.closed

    def close(self) -> None:
        """Flush and close the file (any thread; safe to repeat)."""
        self.capture.close()
