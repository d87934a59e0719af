"""ReceiveView: the receive area of a pane, one row per recv() result.

A toolbar (display mode, stream view, pause, auto-scroll, clear, filters), the log
table over :class:`ChunkFilterProxy` (or the :class:`StreamView` when the stream toggle
is on), and the :class:`ChunkDetail` of the selected row below, in a splitter. Each
chunk is its own row with alternating band colours and a line under it, so sticky and
split TCP packets are seen, not guessed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QItemSelection, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.capture import CaptureError, FileCapture, LogCapture
from netassistant.core.chunk import Event
from netassistant.qt.models.cellformat import lf_mark
from netassistant.qt.models.chunkfilter import ChunkFilter, ChunkFilterProxy
from netassistant.qt.models.chunkmodel import (
    DEFAULT_MAX_ROWS,
    LOG_MAX_BYTES,
    ChunkLogModel,
    ChunkRole,
    Column,
    DisplayMode,
    IsEventRole,
)
from netassistant.qt.models.connchoices import ConnectionChoices
from netassistant.ui.receive.chunkdetail import ChunkDetail
from netassistant.ui.receive.delegates import ChunkTableView
from netassistant.ui.receive.receivetoolbar import ReceiveToolbar
from netassistant.ui.widgets import decorate

if TYPE_CHECKING:
    from netassistant.ui.receive.streamview import StreamView

DEFAULT_DISPLAY: Final = DisplayMode.TEXT


#: Shortest gap between two repaints of the log while batches keep coming (10 Hz).
PAINT_INTERVAL_MS: Final = 100


class ReceiveView(QWidget):
    """The receive area: toolbar, chunk log or stream view, and chunk detail.

    While paused, incoming records wait in the model's pause buffer, bounded by the
    model's caps; the records it lets go count as dropped at once (see
    :attr:`dropped_rows`). One :class:`ChunkFilter` drives both the table and the stream.

    Auto-scroll follows the user: scrolling away from the bottom turns it off and
    scrolling back to the bottom turns it on again.

    Attributes:
        model: The log model (all records held).
        proxy: The filter proxy the table shows.
        table: The log table.
        stream: The stream view (made on first use).
        detail: The selected row's detail.
        splitter: Log (or stream) above, detail below.
        display_combo, stream_toggle, pause_button, autoscroll_button, clear_button,
        conn_filter, dir_filter, show_events, paused_label: The toolbar's controls.

    Signals:
        dropped_changed(qint64, qint64): total dropped rows and data bytes (the model's
            cap drops plus the pause buffer's) changed.
        save_requested(): "Save log…" was pressed; the pane asks where (and whether to
            keep recording), then calls :meth:`save_log`.
        row_selected(qint64): the user (or :meth:`select_seq`) selected the row of the
            record with this ``seq`` (the timeline highlights its step).
    """

    dropped_changed = Signal("qint64", "qint64")  # type: ignore[arg-type]
    save_requested = Signal()
    row_selected = Signal("qint64")  # type: ignore[arg-type]

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        max_rows: int = DEFAULT_MAX_ROWS,
        max_bytes: int = LOG_MAX_BYTES,
    ) -> None:
        super().__init__(parent)
        self.model = ChunkLogModel(self, max_rows=max_rows, max_bytes=max_bytes)
        self._last_paint = 0.0
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.timeout.connect(self._paint_now)
        self.proxy = ChunkFilterProxy(self)
        self._build()
        self._connect_signals()
        self._set_display(DEFAULT_DISPLAY)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.toolbar = ReceiveToolbar()
        layout.addWidget(self.toolbar)
        bar = self.toolbar
        self.display_combo, self.stream_toggle, self.pause_button = (
            bar.display_combo,
            bar.stream_toggle,
            bar.pause_button,
        )
        self.autoscroll_button, self.clear_button = bar.autoscroll_button, bar.clear_button
        self.conn_filter, self.dir_filter, self.peer_filter = (
            bar.conn_filter,
            bar.dir_filter,
            bar.peer_filter,
        )
        self.show_events, self.paused_label = bar.show_events, bar.paused_label
        # A model, not items: thousands of clients cost one reset, labels are made when
        # drawn, and the combo no longer measures every entry on each change.
        template = self.tr("#{conn} {peer}").replace("{conn}", "%1").replace("{peer}", "%2")
        self._conn_choices = ConnectionChoices(self.conn_filter.itemText(0), template, self)
        self.conn_filter.setModel(self._conn_choices)
        self.conn_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.conn_filter.setMinimumContentsLength(10)  # the popup is as wide as its entries

        # The table shows the model itself while nothing is filtered: a proxy would call a
        # Python filterAcceptsRow() for every inserted row, thousands a second under a flood.
        self.table = ChunkTableView(self.model)
        decorate(
            self.table,
            "chunkTable",
            self.tr("Received chunks"),
            self.tr("One row per recv() or send; select a row to see the whole chunk below"),
        )
        # The stream view is made the first time it is wanted (see :attr:`stream`): most
        # sessions never show it, and a hidden one still followed every batch.
        self._stream: StreamView | None = None
        self._stack = QStackedWidget()
        self._stack.setObjectName("receiveStack")
        self._stack.addWidget(self.table)

        self.detail = ChunkDetail()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("receiveSplitter")
        self.splitter.addWidget(self._stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)
        layout.addWidget(self.splitter, 1)

    def _connect_signals(self) -> None:
        self.model.dropped_changed.connect(self.dropped_changed)
        self.display_combo.currentIndexChanged.connect(self._on_display_index)
        self.stream_toggle.toggled.connect(self._on_stream_toggled)
        self.pause_button.toggled.connect(self.set_paused)
        self.autoscroll_button.toggled.connect(self._on_autoscroll_toggled)
        self.clear_button.clicked.connect(self.clear)
        self.toolbar.save_button.clicked.connect(self.save_requested)
        self.conn_filter.currentIndexChanged.connect(self._on_filters_changed)
        self.dir_filter.currentIndexChanged.connect(self._on_filters_changed)
        self.peer_filter.textChanged.connect(self._on_filters_changed)
        self.show_events.toggled.connect(self._on_filters_changed)
        self.table.verticalScrollBar().valueChanged.connect(self._on_table_scrolled)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    @property
    def stream(self) -> StreamView:
        """The stream view, made on first use with the log's current filter and scrolling."""
        if self._stream is None:
            from netassistant.ui.receive.streamview import StreamView

            stream = StreamView(self.model)
            stream.set_filter(self.proxy.filter)
            stream.set_autoscroll(self.autoscroll_button.isChecked())
            stream.user_scrolled.connect(self._on_user_scrolled)
            self._stack.addWidget(stream)
            self._stream = stream
        return self._stream

    # ----------------------------------------------------------------- records
    @Slot(object)
    def append_events(self, batch: list[Event]) -> None:
        """Add a batch of records (oldest first): to the log, or to the wait buffer."""
        if not batch:
            return
        self.model.append_events(batch)
        if self.model.paused:
            self._update_paused_label()
        elif self._throttle_paint():
            self._follow()

    def _throttle_paint(self) -> bool:
        """Repaint the table at most :data:`PAINT_INTERVAL_MS` apart under a flood.

        The model is always current (its caps bound the memory); only the drawing waits.
        Painting calls back into Python for every visible cell, and that competes with the
        session's engine thread for the GIL.

        Returns:
            True if the table may be drawn (and scrolled) now; False if it waits.
        """
        now = time.monotonic()
        if now - self._last_paint >= PAINT_INTERVAL_MS / 1000 and not self._paint_timer.isActive():
            self._last_paint = now
            return True
        viewport = self.table.viewport()
        if viewport.updatesEnabled():
            viewport.setUpdatesEnabled(False)
        if not self._paint_timer.isActive():
            self._paint_timer.start(PAINT_INTERVAL_MS)
        return False

    @Slot()
    def _paint_now(self) -> None:
        self._last_paint = time.monotonic()
        self.table.viewport().setUpdatesEnabled(True)  # repaints once, with every new row
        self._follow()

    def prepare_to_draw(self) -> None:
        """Build now what drawing the first records needs, before any arrive.

        The log's delegate draws through the widget style, and PySide builds the style
        classes and their enums the first time Python is handed a style object (14-30
        ms); how control bytes are drawn is chosen by asking the fonts (~16 ms). Both
        fell on the first repaint of the first data, in a flood too. The pane calls this
        when its session starts; after the first call it costs nothing.
        """
        self.table.style()
        lf_mark()  # chooses pictures or names for control bytes (cellformat)

    @Slot()
    def clear(self) -> None:
        """Empty the log, the stream view, the detail and the wait buffer."""
        self.model.clear()
        if self._stream is not None:
            self._stream.rebuild()
        self.detail.show_item(None)
        self._update_paused_label()

    def save_log(self, path: str, fmt: str, *, udp: bool = False) -> int:
        """Append every record the log holds (rows, then any waiting) to ``path``.

        The lines are those of a capture's log (:class:`~netassistant.core.capture.LogCapture`),
        so a recording started afterwards on the same file continues it seamlessly.

        Args:
            path: The file; created, or appended to.
            fmt: ``"text"``, ``"csv"``, ``"jsonl"`` or ``"pcap"``.
            udp: Whether the records are a UDP session's (peers per datagram).

        Returns:
            The number of records written.

        Raises:
            CaptureError: The file cannot be opened or written (the message says why).
        """
        events = self.model.held_events()
        capture: FileCapture
        if fmt == "pcap":
            from netassistant.core.pcapexport import PcapCapture

            capture = PcapCapture(path, udp=udp)
        else:
            capture = LogCapture(path, fmt, self.model.encoding, udp=udp)
        try:
            capture.write_batch(events)
        finally:
            capture.close()
        if capture.error:
            raise CaptureError(capture.error)
        return len(events)

    @property
    def dropped_rows(self) -> int:
        """Rows dropped by the model's caps (held or waiting) since the last clear."""
        return self.model.dropped_rows

    @property
    def dropped_bytes(self) -> int:
        """Data bytes in :attr:`dropped_rows`."""
        return self.model.dropped_bytes

    @property
    def waiting(self) -> int:
        """Records waiting in the pause buffer."""
        return self.model.waiting

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        """Pause (hold new records back) or resume (add the waiting records)."""
        if self.pause_button.isChecked() != paused:
            self.pause_button.setChecked(paused)  # comes back here through toggled
            return
        had_waiting = bool(self.model.waiting)
        self.model.set_paused(paused)
        if had_waiting and not paused:
            self._follow()
        self._update_paused_label()

    def _update_paused_label(self) -> None:
        if self.pause_button.isChecked():
            self.paused_label.setText(
                self.tr("paused — {count} chunks waiting").format(count=self.model.waiting)
            )
            self.paused_label.show()
        else:
            self.paused_label.clear()
            self.paused_label.hide()

    # --------------------------------------------------------------- scrolling
    def _follow(self) -> None:
        """Scroll to the newest row (once per batch), if auto-scroll is on."""
        if self.autoscroll_button.isChecked():
            self.table.scrollToBottom()

    @Slot(bool)
    def _on_autoscroll_toggled(self, on: bool) -> None:
        if self._stream is not None:
            self._stream.set_autoscroll(on)
        self._follow()

    @Slot()
    def _on_table_scrolled(self) -> None:
        # Appending never moves the scroll bar by itself, so a value change away from
        # the bottom is the user's doing (or a filter change, which acts the same).
        self._on_user_scrolled(self.table.is_at_bottom())

    @Slot(bool)
    def _on_user_scrolled(self, at_end: bool) -> None:
        if at_end != self.autoscroll_button.isChecked():
            self.autoscroll_button.setChecked(at_end)

    # ------------------------------------------------------------ view options
    @Slot(str)
    def set_encoding(self, name: str) -> None:
        """Decode text with the codec ``name`` in the log, stream and detail.

        Raises:
            LookupError: For an unknown codec name.
        """
        self.model.set_encoding(name)
        self.detail.set_encoding(name)

    def set_connections(self, conns: list[tuple[int, str]]) -> None:
        """Offer these connections in the connection filter, keeping its selection.

        A selected connection that is gone stays in the list (its rows are still in
        the log) until another one is chosen.

        Args:
            conns: ``(conn_id, peer)`` pairs.
        """
        self._change_connections(lambda keep: self._conn_choices.set_connections(conns, keep))

    def apply_connection_events(self, events: Sequence[Event]) -> None:
        """Follow a batch's connection events in the connection filter, as above."""
        self._change_connections(lambda keep: self._conn_choices.apply_events(events, keep))

    def listed_connections(self) -> int:
        """Connections the connection filter offers (not counting "all")."""
        return self._conn_choices.connection_count()

    def _change_connections(self, change: Callable[[int | None], None]) -> None:
        combo = self.conn_filter
        selected = combo.currentData()
        with QSignalBlocker(combo):
            change(selected)
            combo.setCurrentIndex(max(self._conn_choices.row_of(selected), 0))

    def _set_display(self, mode: DisplayMode) -> None:
        self.display_combo.setCurrentIndex(self.display_combo.findData(mode.value))
        self._on_display_index()

    @Slot()
    def _on_display_index(self) -> None:
        # The model is the one home of the mode; the delegate and stream read it there.
        self.model.set_display_mode(self.display_combo.currentData())

    @Slot(bool)
    def _on_stream_toggled(self, on: bool) -> None:
        self._stack.setCurrentWidget(self.stream if on else self.table)

    @Slot()
    def _on_filters_changed(self) -> None:
        self.set_filter(
            ChunkFilter(
                conn=self.conn_filter.currentData(),
                direction=self.dir_filter.currentData(),
                peer=self.peer_filter.text().strip(),
                show_events=self.show_events.isChecked(),
            )
        )

    def set_filter(self, new: ChunkFilter) -> None:
        """Show what ``new`` accepts, in the table and in the stream view."""
        self.proxy.set_filter(new)
        if self._stream is not None:
            self._stream.set_filter(new)
        self._choose_table_model()
        self._follow()

    def _choose_table_model(self) -> None:
        proxy = self.proxy
        filtering = proxy.filter.active
        wanted = proxy if filtering else self.model
        if self.table.model() is not wanted:
            # A proxy attached to the model filters every inserted row (in Python) even while
            # no view shows it: attach it only while a filter is set.
            if filtering:
                proxy.setSourceModel(self.model)
            self.table.set_source(wanted)
            if not filtering:
                proxy.setSourceModel(None)
            self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows(Column.DATA)
        if not rows:
            # The row was trimmed or filtered away: keep showing what the user chose.
            return
        index = rows[0]
        event_text = index.data() if index.data(IsEventRole) else None
        record = index.data(ChunkRole)
        self.detail.show_item(record, event_text)
        if record is not None:
            self.row_selected.emit(record.seq)

    def select_seq(self, seq: int) -> bool:
        """Select and show the row of chunk ``seq`` (e.g. where a decoded message began).

        Returns:
            False if that chunk is no longer held (trimmed by the caps) or is filtered out.
        """
        model = self.model
        for row in range(model.rowCount() - 1, -1, -1):
            if model.chunk_at(row).seq == seq:
                index = model.index(row, Column.DATA)
                if self.table.model() is self.proxy:
                    index = self.proxy.mapFromSource(index)
                    if not index.isValid():
                        return False
                self.autoscroll_button.setChecked(False)  # stay on the chosen row
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
                return True
            if model.chunk_at(row).seq < seq:
                break
        return False

    # ---------------------------------------------------------------- settings
    def settings(self) -> dict[str, Any]:
        """Return the view settings saved in profiles."""
        return {
            "display": self.display_combo.currentData(),
            "stream": self.stream_toggle.isChecked(),
            "autoscroll": self.autoscroll_button.isChecked(),
            "show_events": self.show_events.isChecked(),
            "max_rows": self.model.max_rows,
            "max_bytes": self.model.max_bytes,
        }

    def apply_settings(self, settings: dict[str, Any]) -> None:
        """Apply view settings from a profile.

        Missing keys keep the current value; unknown keys (``timestamps`` from older
        profiles) and values of the wrong type or range are ignored, since profiles
        may be edited by hand.
        """
        display = settings.get("display")
        if display in tuple(DisplayMode):
            self._set_display(DisplayMode(display))
        for key, button in (
            ("stream", self.stream_toggle),
            ("autoscroll", self.autoscroll_button),
            ("show_events", self.show_events),
        ):
            value = settings.get(key)
            if isinstance(value, bool):
                button.setChecked(value)
        max_rows = _int_setting(settings, "max_rows", self.model.max_rows, minimum=1)
        max_bytes = _int_setting(settings, "max_bytes", self.model.max_bytes, minimum=0)
        if (max_rows, max_bytes) != (self.model.max_rows, self.model.max_bytes):
            self.model.set_limits(max_rows, max_bytes)  # trims what waits, too
            self._update_paused_label()


def _int_setting(settings: dict[str, Any], key: str, default: int, *, minimum: int) -> int:
    value = settings.get(key)
    if isinstance(value, int) and not isinstance(value, bool) and value >= minimum:
        return value
    return default
