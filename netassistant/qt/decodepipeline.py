"""DecodePipeline: a pane's decoded messages as a model, with their counters.

The receive view shows every ``recv()`` as it came; this shows the messages those chunks
carry. The cutting itself happens in the core session pipeline, in the engine thread, one
decoder per ``(connection, peer)``; this object tells the :class:`SessionController` which
framing and checksum to use, and puts what comes back
(:attr:`SessionController.decoded_received`) into the
:class:`~netassistant.qt.models.messagemodel.MessageModel` a message view draws. Batches
cut under settings older than the last :meth:`DecodePipeline.configure` are ignored, so
the table never mixes two framings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from netassistant.core.decoding import DecodeError
from netassistant.core.framing import format_frame_spec, parse_frame_spec
from netassistant.core.pipeline import DecodeSettings, PipelineBatch
from netassistant.qt.models.messagemodel import DEFAULT_MAX_ROWS, MessageModel

if TYPE_CHECKING:
    from netassistant.qt.session import SessionController


class DecodePipeline(QObject):
    """Message decoding for one pane: settings, model and counters.

    Disabled while there is neither a framing nor a checksum, which is how a pane starts.

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

    def __init__(
        self,
        controller: SessionController,
        parent: QObject | None = None,
        *,
        max_rows: int = DEFAULT_MAX_ROWS,
    ) -> None:
        """Decode ``controller``'s session; feed happens through its ``decoded_received``."""
        super().__init__(parent)
        self.model = MessageModel(self, max_rows=max_rows)
        self._controller = controller
        self._generation = controller.decode_generation
        self._enabled = controller.decode_settings.active
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
        return self._enabled

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
        settings = DecodeSettings(format_frame_spec(spec), checksum, order)
        self._generation = self._controller.set_decoding(settings)
        self._enabled = settings.active
        self._spec_text = settings.framing
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
    def feed(self, batch: PipelineBatch) -> None:
        """Take the messages of one batch (oldest first) into the model.

        Connect :attr:`SessionController.decoded_received` here. Batches cut with older
        settings than the last :meth:`configure` are ignored.
        """
        if not self._enabled or batch.generation != self._generation:
            return
        items = batch.decoded
        for item in items:
            if isinstance(item, DecodeError):
                self.errors += 1
            else:
                self.messages += 1
                if item.checksum_ok is False:
                    self.checksum_failures += 1
        if items:
            self.model.append(items)
        self._pending = dict(batch.pending)
        self.stats_changed.emit()

    # ---------------------------------------------------------------- helpers
    def _reset_counters(self) -> None:
        self.messages = self.errors = self.checksum_failures = 0
