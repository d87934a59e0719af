"""MessageView: the decoded messages beside the chunk log.

A one-line summary (messages, errors, checksum mismatches, bytes waiting) over a table of
the :class:`~netassistant.qt.models.messagemodel.MessageModel` of a
:class:`~netassistant.qt.decodepipeline.DecodePipeline`. The table looks like the chunk
log (same fonts, fixed row height, grid lines) so the two read as one picture: the chunk
log shows what each ``recv()`` returned, this shows the messages cut from them and which
chunks and byte ranges each came from. Selecting a row tells the pane, which highlights
those chunks.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QItemSelection, QModelIndex, Signal, Slot
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from netassistant.qt.decodepipeline import DecodePipeline
from netassistant.qt.models.clientmodel import format_count
from netassistant.qt.models.messagemodel import MessageColumn, MessageModel, MessageRole
from netassistant.ui.receive.delegates import configure_log_table
from netassistant.ui.widgets import decorate

#: Initial column widths in pixels (the DATA column stretches).
COLUMN_WIDTHS: Final = {
    MessageColumn.INDEX: 50,
    MessageColumn.CONN: 35,
    MessageColumn.LEN: 60,
    MessageColumn.CHUNKS: 160,
    MessageColumn.CHECKSUM: 75,
}


class MessageTableView(QTableView):
    """The message table: one fixed-height row per record, as the chunk log's rows.

    Set up by :func:`~netassistant.ui.receive.delegates.configure_log_table`, as the chunk log:
    the same row height, so both tables line up row for row.
    """

    def __init__(self, model: MessageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        configure_log_table(self, COLUMN_WIDTHS)

    def is_at_bottom(self) -> bool:
        """Whether the view is scrolled to the last row."""
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()


class MessageView(QWidget):
    """Summary line and message table of a pane's :class:`DecodePipeline`.

    The table follows new rows while it is scrolled to the bottom, and stays where the
    user scrolled it otherwise.

    Attributes:
        pipeline: The pipeline whose model and counters are shown.
        model: The pipeline's message model.
        summary: The summary label.
        table: The message table.

    Signals:
        message_selected(object): the user selected a row: its
            :class:`~netassistant.core.decoding.DecodedMessage` (or
            :class:`~netassistant.core.decoding.DecodeError`; both have ``spans`` and
            ``chunk_seqs``), or None when no row is selected any more.
    """

    message_selected = Signal(object)

    def __init__(self, pipeline: DecodePipeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageView")
        self.pipeline = pipeline
        self.model = pipeline.model
        self._follow = True
        self.summary = QLabel()
        self.summary.setObjectName("messageSummary")
        self.summary.setWordWrap(True)  # the pane must stay narrow enough to sit beside another
        self.table = MessageTableView(self.model)
        decorate(
            self.table,
            "messageTable",
            self.tr("Decoded messages"),
            self.tr(
                "One row per message cut from the received chunks by the framing; "
                "select a row to highlight the chunks it came from"
            ),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._connect_signals()
        self.update_summary()

    def _connect_signals(self) -> None:
        self.pipeline.stats_changed.connect(self.update_summary)
        self.model.rowsInserted.connect(self._on_rows_inserted)
        self.model.modelReset.connect(self._on_model_reset)
        self.table.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    # ------------------------------------------------------------------ public
    @Slot()
    def update_summary(self) -> None:
        """Show the pipeline's counters in the summary line."""
        self.summary.setText(self.summary_text())

    def summary_text(self) -> str:
        """The summary line, e.g. ``12 messages · 0 errors · 5 bytes waiting for ...``.

        The checksum part is there only with a checksum set, the waiting part only while
        bytes wait.
        """
        pipeline = self.pipeline
        if not pipeline.enabled:
            return self.tr("No framing: choose one to see the messages inside the chunks")
        parts = [self._messages(pipeline.messages), self._errors(pipeline.errors)]
        if pipeline.checksum is not None:
            parts.append(self._mismatches(pipeline.checksum_failures))
        pending = pipeline.pending_total()
        if pending:
            parts.append(self._waiting(pending))
        return " · ".join(parts)

    @Slot(str)
    def set_display_mode(self, mode: str) -> None:
        """Draw payloads as ``"hex"``, ``"text"`` or ``"both"``.

        Raises:
            ValueError: For another mode name.
        """
        self.model.set_display_mode(mode)

    @Slot(str)
    def set_encoding(self, name: str) -> None:
        """Decode text with the codec ``name``.

        Raises:
            LookupError: For an unknown codec name.
        """
        self.model.set_encoding(name)

    @Slot()
    def clear(self) -> None:
        """Empty the table and zero the counters (the decoder keeps a message under way)."""
        self.pipeline.clear()

    # ---------------------------------------------------------------- helpers
    # Two strings per count rather than "%n message(s)": no English .qm is shipped for
    # plurals, and Chinese has a single form anyway (as StatsBar does it).
    def _messages(self, n: int) -> str:
        if n == 1:
            return self.tr("1 message")
        return self.tr("%1 messages").replace("%1", format_count(n))

    def _errors(self, n: int) -> str:
        if n == 1:
            return self.tr("1 error")
        return self.tr("%1 errors").replace("%1", format_count(n))

    def _mismatches(self, n: int) -> str:
        if n == 1:
            return self.tr("1 checksum mismatch")
        return self.tr("%1 checksum mismatches").replace("%1", format_count(n))

    def _waiting(self, n: int) -> str:
        if n == 1:
            return self.tr("1 byte waiting for the rest of a message")
        return self.tr("%1 bytes waiting for the rest of a message").replace("%1", format_count(n))

    @Slot(QModelIndex, int, int)
    def _on_rows_inserted(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        if self._follow:
            self.table.scrollToBottom()

    @Slot()
    def _on_model_reset(self) -> None:
        # A reset clears the selection without a selectionChanged signal.
        self.message_selected.emit(None)

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        # Inserting rows never moves the scroll bar by itself: a change is the user's.
        self._follow = self.table.is_at_bottom()

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows(MessageColumn.DATA)
        self.message_selected.emit(rows[0].data(MessageRole) if rows else None)
