"""ClientList: a TCP server's open connections, with buttons to close one of them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.chunk import ENDING_KINDS, ConnEvent, Event
from netassistant.core.stats import ClientInfo
from netassistant.qt.models.clientmodel import ClientListModel, Column
from netassistant.ui.foregroundview import ForegroundTableView
from netassistant.ui.widgets import decorate, fit_columns

#: The address column is never narrower than this sample (nor than its title).
_ADDRESS_SAMPLE = "127.0.0.1:65535"
#: Room beyond the widest text that is surely enough for the header's padding (a few
#: pixels in every style) and the 12 px of air.
_PLENTY = 64


class ClientList(QWidget):
    """The client table and its Disconnect / Half-close / Abort buttons.

    The buttons act on the selected client and are disabled while none is selected.

    Attributes:
        model: The table's :class:`ClientListModel`.
        table: The table view.
        disconnect_button, half_close_button, abort_button: The buttons.

    Signals:
        disconnect_requested(int): close the client gracefully (FIN after queued data).
        half_close_requested(int): shutdown(SHUT_WR) the client.
        abort_requested(int): reset the client (RST).
        selection_changed(object): the selected conn id, or None when nothing is selected.
    """

    disconnect_requested = Signal(int)
    half_close_requested = Signal(int)
    abort_requested = Signal(int)
    selection_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected: int | None = None
        self._updating = False
        self.model = ClientListModel(self)
        self.table = ForegroundTableView()  # a Python model: repaints hold the gate
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A narrow pane cuts addresses in the middle: the port (which tells clients on
        # one host apart) stays visible.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        # Widths from the largest plausible value, never ResizeToContents: that measures
        # every row (a Python data() call per cell) on each change, seconds for 10,000
        # clients.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.ADDRESS, QHeaderView.ResizeMode.Stretch)
        fit_columns(self.table, self.model.widest_values())
        # The header is as wide as the viewport (the table keeps them aligned): watching it
        # sees every change of the room for the columns. Not the viewport itself: the first
        # viewport() made PySide build every QtWidgets class it had not made yet (~15 ms of
        # a launch, measured with tests/benchmarks/startup.py).
        header.installEventFilter(self)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        decorate(
            self.table,
            "clientTable",
            self.tr("Connected clients"),
            self.tr("Open connections; select one to close it or to send to it alone"),
        )

        self.disconnect_button = QPushButton(self.tr("Disconnect"))
        decorate(
            self.disconnect_button,
            "clientDisconnect",
            self.tr("Disconnect client"),
            self.tr("Close the connection gracefully: queued data is sent, then FIN"),
        )
        self.half_close_button = QPushButton(self.tr("Half-close"))
        decorate(
            self.half_close_button,
            "clientHalfClose",
            self.tr("Half-close client"),
            self.tr("shutdown(SHUT_WR): the client sees end of file; we can still receive"),
        )
        self.abort_button = QPushButton(self.tr("Abort (RST)"))
        decorate(
            self.abort_button,
            "clientAbort",
            self.tr("Abort client"),
            self.tr("SO_LINGER 0, then close: the client gets RST and queued data is lost"),
        )

        buttons = QHBoxLayout()
        for button in (self.disconnect_button, self.half_close_button, self.abort_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self._connect_signals()
        self._sync_selection()

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._sync_selection)
        self.disconnect_button.clicked.connect(self._on_disconnect)
        self.half_close_button.clicked.connect(self._on_half_close)
        self.abort_button.clicked.connect(self._on_abort)

    def update_clients(self, clients: Mapping[int, ClientInfo]) -> None:
        """Follow ``SessionStats.clients``; the selection stays on its client.

        When the selected client leaves, nothing is selected afterwards: the view would
        move the selection to a neighbour, and a click meant for the old client (or the
        send target following the selection) must not land on another one.
        """
        self._follow(clients, lambda: self.model.update_clients(clients))

    def apply_events(self, events: Iterable[Event]) -> None:
        """Apply a batch's connection events (see :meth:`ClientListModel.apply_events`).

        The selection is kept as by :meth:`update_clients`.
        """
        gone = {ev.conn_id for ev in events if type(ev) is ConnEvent and ev.kind in ENDING_KINDS}
        self._follow(gone, lambda: self.model.apply_events(events), leaving=True)

    def _follow(
        self, ids: Collection[int], change: Callable[[], None], *, leaving: bool = False
    ) -> None:
        """Run ``change`` on the model, keeping the selection on a client that stays.

        ``ids`` are the clients that stay or, if ``leaving``, those that go; a
        selection on one that goes is cleared first.
        """
        selection = self.table.selectionModel()
        current = selection.currentIndex()
        current_id = self.model.conn_id_at(current.row()) if current.isValid() else None

        def stays(conn_id: int | None) -> bool:
            return conn_id is None or (conn_id in ids) is not leaving

        keep = self._selected if self._selected is not None and stays(self._selected) else None
        self._updating = True
        try:
            if not (stays(current_id) and stays(self._selected)):
                selection.clear()
            change()
            if keep is not None and self._current_id() != keep:
                self.select_client(keep)
        finally:
            self._updating = False
        self._sync_selection()

    def selected_client(self) -> int | None:
        """The selected connection's id, or None."""
        return self._selected

    def select_client(self, conn_id: int | None) -> None:
        """Select the row of ``conn_id`` (None or unknown: clear the selection)."""
        row = self.model.row_of(conn_id) if conn_id is not None else -1
        if row < 0:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)

    def _current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.conn_id_at(rows[0].row()) if rows else None

    @Slot()
    def _sync_selection(self) -> None:
        if self._updating:
            return  # update_clients() syncs once the model and selection have settled
        conn_id = self._current_id()
        selected = conn_id is not None
        self.disconnect_button.setEnabled(selected)
        self.abort_button.setEnabled(selected)
        row = self.model.row_of(conn_id) if conn_id is not None else -1
        self.half_close_button.setEnabled(selected and not self.model.is_half_closed(row))
        if conn_id != self._selected:
            self._selected = conn_id
            self.selection_changed.emit(conn_id)

    @Slot()
    def _on_disconnect(self) -> None:
        if self._selected is not None:
            self.disconnect_requested.emit(self._selected)

    @Slot()
    def _on_half_close(self) -> None:
        if self._selected is not None:
            self.half_close_requested.emit(self._selected)

    @Slot()
    def _on_abort(self) -> None:
        if self._selected is not None:
            self.abort_requested.emit(self._selected)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On a resize of the table, keep the address column at least as wide as its title."""
        if watched is self.table.horizontalHeader() and event.type() == QEvent.Type.Resize:
            self._fit_address()
        return False

    def _fit_address(self) -> None:
        """Stretch the address column while there is room; else fix it at a readable width.

        A stretched column shrinks to the header's minimum when the other columns fill
        the view (a pane beside an open settings column), which cut "Address" in half;
        at a fixed width the table scrolls sideways instead.
        """
        header = self.table.horizontalHeader()
        title = str(self.model.headerData(Column.ADDRESS, Qt.Orientation.Horizontal) or "")
        title_width = header.fontMetrics().horizontalAdvance(title)
        widest = max(title_width, self.table.fontMetrics().horizontalAdvance(_ADDRESS_SAMPLE))
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != Column.ADDRESS and not header.isSectionHidden(column)
        )
        room = header.width() - others  # the viewport's width
        if room >= widest + _PLENTY:
            readable = widest  # stretched: the exact margins do not matter
        else:
            # What the style puts around a header title (margins, room for a sort arrow),
            # as the header sizes its title: not asked of the style itself, as the first
            # style object Python sees builds PySide's whole QStyle class (~5 ms of a launch,
            # and this runs while the first window is laid out).
            padding = max(0, header.sectionSizeHint(Column.ADDRESS) - title_width)
            readable = widest + padding + 12
        mode = (
            QHeaderView.ResizeMode.Stretch
            if room >= readable
            else QHeaderView.ResizeMode.Interactive
        )
        if header.sectionResizeMode(Column.ADDRESS) != mode:
            header.setSectionResizeMode(Column.ADDRESS, mode)
        if mode is QHeaderView.ResizeMode.Interactive:
            header.resizeSection(Column.ADDRESS, readable)
