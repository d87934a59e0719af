"""ClientList: selection drives the buttons and the per-client signals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QTableView

from netassistant.core.stats import ClientInfo
from netassistant.ui.pane.clientlist import ClientList

BUTTONS = ("clientDisconnect", "clientHalfClose", "clientAbort")


@pytest.fixture
def widget(qtbot) -> ClientList:
    w = ClientList()
    qtbot.addWidget(w)
    w.resize(600, 300)
    return w


def clients(*ids: int, half_closed: tuple[int, ...] = ()) -> dict[int, ClientInfo]:
    return {
        i: ClientInfo(i, f"127.0.0.1:{50000 + i}", 0, half_closed=i in half_closed) for i in ids
    }


def button(w: ClientList, name: str) -> QPushButton:
    found = w.findChild(QPushButton, name)
    assert found is not None, name
    return found


def enabled(w: ClientList) -> list[bool]:
    return [button(w, name).isEnabled() for name in BUTTONS]


def select_row(qtbot, w: ClientList, row: int) -> None:
    table = w.findChild(QTableView, "clientTable")
    table.selectRow(row)


def test_buttons_need_a_selection(qtbot, widget):
    assert enabled(widget) == [False, False, False]
    widget.update_clients(clients(1, 2))
    assert enabled(widget) == [False, False, False]
    with qtbot.waitSignal(widget.selection_changed, timeout=1000) as blocker:
        select_row(qtbot, widget, 1)
    assert blocker.args == [2]
    assert enabled(widget) == [True, True, True]
    with qtbot.waitSignal(widget.selection_changed, timeout=1000) as blocker:
        widget.findChild(QTableView, "clientTable").clearSelection()
    assert blocker.args == [None]
    assert enabled(widget) == [False, False, False]


@pytest.mark.parametrize(
    ("name", "signal"),
    [
        ("clientDisconnect", "disconnect_requested"),
        ("clientHalfClose", "half_close_requested"),
        ("clientAbort", "abort_requested"),
    ],
)
def test_buttons_emit_selected_id(qtbot, widget, name, signal):
    widget.update_clients(clients(3, 7))
    select_row(qtbot, widget, 1)
    with qtbot.waitSignal(getattr(widget, signal), timeout=1000) as blocker:
        qtbot.mouseClick(button(widget, name), Qt.MouseButton.LeftButton)
    assert blocker.args == [7]


def test_mouse_selects_a_row(qtbot, widget):
    widget.update_clients(clients(1, 2))
    table = widget.findChild(QTableView, "clientTable")
    rect = table.visualRect(table.model().index(0, 1))
    with qtbot.waitSignal(widget.selection_changed, timeout=1000) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [1]
    assert len(table.selectionModel().selectedRows()) == 1, "whole rows, one at a time"


def test_selection_survives_other_clients_leaving(qtbot, widget):
    widget.update_clients(clients(1, 2, 3))
    select_row(qtbot, widget, 1)
    with qtbot.assertNotEmitted(widget.selection_changed):
        widget.update_clients(clients(2, 3, 4))
    assert widget.selected_client() == 2
    assert enabled(widget) == [True, True, True]


def test_selected_client_leaving_clears_selection(qtbot, widget):
    widget.update_clients(clients(1, 2))
    select_row(qtbot, widget, 0)
    with qtbot.waitSignal(widget.selection_changed, timeout=1000) as blocker:
        widget.update_clients(clients(2))
    assert blocker.args == [None]
    assert widget.selected_client() is None
    assert enabled(widget) == [False, False, False]


def test_half_closed_client_cannot_be_half_closed_again(qtbot, widget):
    widget.update_clients(clients(1, 2, half_closed=(2,)))
    select_row(qtbot, widget, 1)
    assert enabled(widget) == [True, False, True]
    select_row(qtbot, widget, 0)
    assert enabled(widget) == [True, True, True]
    widget.update_clients(clients(1, 2, half_closed=(1, 2)))
    assert enabled(widget) == [True, False, True]


def test_select_client(widget):
    widget.update_clients(clients(4, 5))
    widget.select_client(5)
    assert widget.selected_client() == 5
    widget.select_client(None)
    assert widget.selected_client() is None
    widget.select_client(99)
    assert widget.selected_client() is None


def test_controls_are_named_and_described(widget):
    table = widget.findChild(QTableView, "clientTable")
    assert table.selectionMode() == QTableView.SelectionMode.SingleSelection
    assert table.selectionBehavior() == QTableView.SelectionBehavior.SelectRows
    for control in (table, *(button(widget, name) for name in BUTTONS)):
        assert control.toolTip(), control.objectName()
        assert control.accessibleName(), control.objectName()
    assert "SHUT_WR" in button(widget, "clientHalfClose").toolTip()
    assert "SO_LINGER 0" in button(widget, "clientAbort").toolTip()
    assert "RST" in button(widget, "clientAbort").toolTip()


def test_current_row_leaving_does_not_select_a_neighbour(qtbot, widget):
    widget.update_clients(clients(1, 2))
    select_row(qtbot, widget, 0)
    widget.findChild(QTableView, "clientTable").clearSelection()  # current stays on row 0
    with qtbot.assertNotEmitted(widget.selection_changed):
        widget.update_clients(clients(2))
    assert widget.selected_client() is None


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_ten_thousand_clients_listed_without_a_freeze(qtbot, widget):
    import time

    from PySide6.QtWidgets import QApplication

    widget.show()
    qtbot.waitExposed(widget)
    many = clients(*range(1, 10_001))
    started = time.perf_counter()
    widget.update_clients(many)
    QApplication.processEvents()  # the repaint is part of the cost
    listed = time.perf_counter() - started
    started = time.perf_counter()
    widget.update_clients({})
    QApplication.processEvents()
    emptied = time.perf_counter() - started
    assert widget.model.rowCount() == 0
    assert listed < 0.3
    assert emptied < 0.3


def test_number_columns_fit_their_largest_value(widget):
    table = widget.findChild(QTableView, "clientTable")
    metrics = table.fontMetrics()
    for column, text in widget.model.widest_values().items():
        assert table.columnWidth(column) > metrics.horizontalAdvance(text), column


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_server_pane_lists_ten_thousand_clients_without_a_freeze(qtbot):
    import time

    from PySide6.QtWidgets import QApplication

    from netassistant.core.config import Kind
    from netassistant.ui.pane.pane import SessionPane

    pane = SessionPane(Kind.TCP_SERVER)
    qtbot.addWidget(pane)
    pane.resize(1200, 800)
    pane.show()
    qtbot.waitExposed(pane)
    listed = pane.controller.stats.clients
    listed.update(clients(*range(1, 10_001)))
    started = time.perf_counter()
    pane._on_clients_changed()  # the client list, the send target and the log filter
    QApplication.processEvents()
    came = time.perf_counter() - started
    assert pane.clients.model.rowCount() == 10_000
    assert pane.receive.conn_filter.count() == 10_001
    pane.send_panel.select_client(9_999)
    assert pane.send_panel.target_client() == 9_999
    listed.clear()
    started = time.perf_counter()
    pane._on_clients_changed()
    QApplication.processEvents()
    went = time.perf_counter() - started
    assert pane.clients.model.rowCount() == 0
    assert pane.send_panel.target_client() is None
    assert came < 0.3
    assert went < 0.3


def conn_event(kind, conn_id: int):
    from netassistant.core.chunk import ConnEvent

    return ConnEvent(conn_id, 0, kind, conn_id, "127.0.0.1:7", f"127.0.0.1:{50000 + conn_id}")


def test_a_batch_of_events_keeps_the_selection_on_a_client_that_stays(qtbot, widget):
    from netassistant.core.chunk import EventKind

    widget.apply_events([conn_event(EventKind.ACCEPTED, i) for i in (1, 2, 3)])
    select_row(qtbot, widget, 1)
    with qtbot.assertNotEmitted(widget.selection_changed):
        widget.apply_events([conn_event(EventKind.CLOSED, 1), conn_event(EventKind.ACCEPTED, 4)])
    assert [widget.model.conn_id_at(r) for r in range(widget.model.rowCount())] == [2, 3, 4]
    assert widget.selected_client() == 2


def test_a_batch_that_ends_the_selected_client_clears_the_selection(qtbot, widget):
    from netassistant.core.chunk import EventKind

    widget.apply_events([conn_event(EventKind.ACCEPTED, i) for i in (1, 2)])
    select_row(qtbot, widget, 0)
    with qtbot.waitSignal(widget.selection_changed, timeout=1000) as blocker:
        widget.apply_events([conn_event(EventKind.RESET, 1)])
    assert blocker.args == [None]
    assert (widget.selected_client(), widget.model.rowCount()) == (None, 1)


def test_a_server_pane_lists_clients_from_the_batch_events(qtbot):
    import socket

    from netassistant.core.config import Kind
    from netassistant.core.stats import SessionState
    from netassistant.ui.pane.pane import SessionPane
    from tests.helpers import TIMEOUT

    pane = SessionPane(Kind.TCP_SERVER)
    qtbot.addWidget(pane)
    pane.settings.local_port.setValue(0)
    ctl = pane.controller
    model = pane.clients.model
    applied: list[list] = []
    ctl.client_events.connect(applied.append)
    assert pane.start()
    try:
        qtbot.waitUntil(lambda: ctl.state is SessionState.LISTENING, timeout=int(TIMEOUT * 1000))
        port = ctl.local_port
        socks = [socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) for _ in range(3)]
        qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=int(TIMEOUT * 1000))
        assert [model.conn_id_at(r) for r in range(3)] == sorted(ctl.stats.clients)
        socks.pop(0).close()
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=int(TIMEOUT * 1000))
        assert [model.conn_id_at(r) for r in range(2)] == sorted(ctl.stats.clients)
        assert applied, "the list followed the batches' events"
        # The send target and the log filter followed the same events.
        targets = pane.send_panel.findChild(QComboBox, "sendTarget")
        ids = [targets.itemData(r) for r in range(targets.count())]
        assert ids == [None, *sorted(ctl.stats.clients)]
        assert pane.receive.conn_filter.count() == 3
    finally:
        for s in socks:
            s.close()
        assert pane.shutdown()
    assert model.rowCount() == 0, "a stopped server lists nobody"
