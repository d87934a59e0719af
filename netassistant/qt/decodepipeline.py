"""DecodePipeline: a pane's received chunks, cut into messages, as a model.

The receive view shows every ``recv()`` as it came; this runs beside it and shows the
messages those chunks carry. It owns a :class:`~netassistant.core.decoding.MessageDecoder`
(framing plus an optional checksum, one decoder per connection) and the
:class:`~netassistant.qt.models.messagemodel.MessageModel` a message view draws, and counts what
it decoded.

Feed it every batch the session emits, straight from
:attr:`SessionController.events_received <netassistant.qt.session.SessionController>`,
not from the receive view: the view holds batches back while paused and drops records to
its caps, and a framing decoder that misses a single byte is out of step for good.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from netassistant.core.chunk import Chunk, ConnEvent, Direction, Event
from netassistant.core.decoding import DecodeError, MessageDecoder
from netassistant.core.framing import format_frame_spec, parse_frame_spec
from netassistant.qt.models.messagemodel import DEFAULT_MAX_ROWS, MessageModel


class DecodePipeline(QObject):
    """Message decoding for one pane: decoder, model and counters.

    Disabled (every :meth:`feed` a no-op) while there is neither a framing nor a checksum,
    which is how a pane starts.

    Attributes:
        model: The decoded messages and errors, newest last.
        messages: Messages decoded since the last :meth:`configure` or :meth:`clear`
            (all of them, also those trimmed from the model by its cap).
        errors: Decode errors (bytes given up on) in the same span.
        checksum_failures: Messages whose checksum did not match, in the same span.

    Signals:
        stats_changed(): the counters or :meth:`pending_total` may have changed: after each
            batch fed while enabled, and after :meth:`configure` and :meth:`clear`.
    """

    stats_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, max_rows: int = DEFAULT_MAX_ROWS) -> None:
        super().__init__(parent)
        self.model = MessageModel(self, max_rows=max_rows)
        self._decoder: MessageDecoder | None = None
        self._spec_text = ""
        self._checksum: str | None = None
        self._order: str | None = None
        # Bytes still waiting for the rest of a message, per connection; only non-zero ones.
        self._pending: dict[int, int] = {}
        self.messages = 0
        self.errors = 0
        self.checksum_failures = 0

    # ------------------------------------------------------------------ state
    @property
    def enabled(self) -> bool:
        """True if a framing or a checksum is set, so that :meth:`feed` decodes."""
        return self._decoder is not None

    @property
    def spec_text(self) -> str:
        """The framing spec in use, as :func:`format_frame_spec` writes it (``""``: none)."""
        return self._spec_text

    @property
    def checksum(self) -> str | None:
        """The checksum name in use, or None."""
        return self._checksum

    @property
    def checksum_order(self) -> str | None:
        """The checksum byte order in use (None: the algorithm's default)."""
        return self._order

    def pending_total(self) -> int:
        """Bytes received on all connections that do not yet make a full message."""
        return sum(self._pending.values())

    # ---------------------------------------------------------------- changes
    def configure(self, spec_text: str, checksum: str | None, order: str | None) -> None:
        """Decode with a new framing and checksum, starting over.

        The decoder forgets buffered bytes, the model is emptied and the counters are
        zeroed, since earlier messages were cut by other rules.

        Args:
            spec_text: A framing spec (see :func:`~netassistant.core.framing.parse_frame_spec`),
                ``""`` for none: then each RX chunk is one message, if a checksum is set.
            checksum: A name from :data:`~netassistant.core.checksum.ALGORITHMS`, or None.
            order: ``"big"``, ``"little"`` or None for the checksum's default.

        Raises:
            FramingError: For an invalid spec.
            ChecksumError: For an unknown checksum name.
            ValueError: For another byte order.
            (Nothing changes when one of these is raised.)
        """
        spec = parse_frame_spec(spec_text)
        decoder = None
        if spec is not None or checksum is not None:
            decoder = MessageDecoder(spec, checksum, order)
        self._decoder = decoder
        self._spec_text = format_frame_spec(spec)
        self._checksum = checksum
        self._order = order if checksum is not None else None
        self._pending.clear()
        self._reset_counters()
        self.model.clear()
        self.stats_changed.emit()

    @Slot()
    def clear(self) -> None:
        """Empty the model and zero the counters.

        The decoder keeps the bytes it holds, so a message already under way still comes
        out whole: dropping them would put a length-prefixed stream out of step.
        """
        self._reset_counters()
        self.model.clear()
        self.stats_changed.emit()

    @Slot(object)
    def feed(self, batch: list[Event]) -> None:
        """Decode one batch of session events (oldest first) into the model.

        Connect :attr:`SessionController.events_received` here directly, so the decoder
        sees every batch in order, also while the receive view is paused. A no-op while
        not :attr:`enabled`.
        """
        decoder = self._decoder
        if decoder is None or not batch:
            return
        items = decoder.feed(batch)
        for item in items:
            if isinstance(item, DecodeError):
                self.errors += 1
            else:
                self.messages += 1
                if item.checksum_ok is False:
                    self.checksum_failures += 1
        self.model.append(items)
        self._update_pending(decoder, batch)
        self.stats_changed.emit()

    # ---------------------------------------------------------------- helpers
    def _reset_counters(self) -> None:
        self.messages = self.errors = self.checksum_failures = 0

    def _update_pending(self, decoder: MessageDecoder, batch: list[Event]) -> None:
        # Only connections this batch touched (or that were waiting) can have changed;
        # asking the decoder about every connection ever seen would grow without bound.
        touched = set(self._pending)
        for event in batch:
            if isinstance(event, Chunk):
                if event.direction is Direction.RX:
                    touched.add(event.conn_id)
            elif isinstance(event, ConnEvent):
                touched.add(event.conn_id)
        pending = {}
        for conn_id in touched:
            count = decoder.pending(conn_id)
            if count:
                pending[conn_id] = count
        self._pending = pending
