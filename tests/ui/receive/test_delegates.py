"""Tests for netassistant.ui.receive.delegates: the log table draws the same, only faster."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QAbstractTableModel
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyledItemDelegate

from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.qt.models.cellformat import set_picture_style
from netassistant.qt.models.chunkmodel import ChunkLogModel, Column
from netassistant.ui.receive.delegates import ChunkDataDelegate, ChunkTableView

LOCAL = "127.0.0.1:9000"
PEER = "127.0.0.1:50001"
TS = int(datetime.datetime(2024, 5, 6, 13, 4, 5).timestamp()) * 10**9


class PerRoleModel(ChunkLogModel):
    """The log as Qt asks it without multiData(): one data() call per role."""

    def multiData(self, index, roleDataSpan) -> None:
        QAbstractTableModel.multiData(self, index, roleDataSpan)


def records() -> list[Chunk | ConnEvent]:
    out: list[Chunk | ConnEvent] = []
    for seq in range(1, 41):
        if seq % 7 == 0:
            kind = EventKind.ERROR if seq % 2 else EventKind.ACCEPTED
            out.append(ConnEvent(seq, TS, kind, 1, LOCAL, PEER, message="refused"))
        else:
            direction = Direction.RX if seq % 3 else Direction.TX
            data = bytes(range(seq, seq + 40)) + b"ok\r\n\xff"
            out.append(Chunk(seq, TS, 1, direction, LOCAL, PEER, data))
    return out


def render(qtbot, model: ChunkLogModel, mode: str) -> QImage:
    model.append_events(records())
    model.set_display_mode(mode)
    view = ChunkTableView(model)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.selectRow(3)
    return view.grab().toImage()


@pytest.mark.parametrize("mode", ["hex", "text", "both"])
def test_multi_data_paints_exactly_what_per_role_data_paints(qtbot, mode):
    set_picture_style(True)
    try:
        fast = render(qtbot, ChunkLogModel(preview_bytes=30), mode)
        slow = render(qtbot, PerRoleModel(preview_bytes=30), mode)
    finally:
        set_picture_style(None)
    assert fast.size() == slow.size()
    assert fast == slow


class PlainHexDelegate(ChunkDataDelegate):
    """The DATA delegate drawing Hex mode the stock way: the whole text laid out."""

    def _paint_cut(self, painter, option, index) -> None:
        QStyledItemDelegate.paint(self, painter, option, index)


def hex_records(size: int) -> list[Chunk | ConnEvent]:
    long_message = "a long connection event message that does not fit the cell " * 4
    return [
        Chunk(1, TS, 1, Direction.RX, LOCAL, PEER, bytes(range(size % 256)) * (size // 256 + 1)),
        ConnEvent(2, TS, EventKind.ERROR, 1, LOCAL, PEER, message=long_message),
        Chunk(3, TS, 1, Direction.TX, LOCAL, PEER, b"\xab" * size),
        Chunk(4, TS, 1, Direction.RX, LOCAL, PEER, b"short"),
    ]


def render_hex(qtbot, delegate_class: type[ChunkDataDelegate], size: int, width: int) -> QImage:
    model = ChunkLogModel(preview_bytes=200)
    model.append_events(hex_records(size))
    view = ChunkTableView(model)
    qtbot.addWidget(view)
    view.data_delegate = delegate_class(model, view)
    view.setItemDelegateForColumn(Column.DATA, view.data_delegate)
    view.resize(width, 200)
    view.show()
    view.selectRow(2)
    return view.grab().toImage()


@pytest.mark.parametrize("size", [3, 10, 20, 64, 300])
@pytest.mark.parametrize("width", [560, 700, 1400])
def test_hex_cells_cut_before_layout_paint_exactly_like_whole_text(qtbot, size, width):
    fast = render_hex(qtbot, ChunkDataDelegate, size, width)
    slow = render_hex(qtbot, PlainHexDelegate, size, width)
    assert fast == slow


def test_the_log_table_viewport_is_made_in_python_and_set_up_like_qts_own(qtbot):
    """The first flood asks for the viewport: Python already has it (no 16-20 ms build)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView
    from shiboken6 import Shiboken

    model = ChunkLogModel()
    ours, plain = ChunkTableView(model), QTableView()
    plain.setModel(model)
    plain.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # as a log's
    for view in (ours, plain):
        qtbot.addWidget(view)
        view.resize(400, 300)
        view.show()

    def setup(view: QTableView) -> dict[str, object]:
        port = view.viewport()
        facts: dict[str, object] = {
            "name": port.objectName(),
            "background": port.backgroundRole(),
            "foreground": port.foregroundRole(),
            "fills": port.autoFillBackground(),
            "colour": port.palette().color(port.backgroundRole()).name(),
            "proxy": port.focusProxy() is view,
            "geometry": port.geometry(),
        }
        facts.update({a.name: port.testAttribute(a) for a in Qt.WidgetAttribute})
        return facts

    assert Shiboken.createdByPython(ours.viewport())
    assert not Shiboken.createdByPython(plain.viewport())
    assert setup(ours) == setup(plain)


def test_the_first_rows_of_a_flood_do_not_resize_the_log_viewport(qtbot):
    """A scroll bar brought in by the first rows re-laid out and repainted the table."""
    model = ChunkLogModel()
    view = ChunkTableView(model)
    qtbot.addWidget(view)
    view.resize(600, 200)
    view.show()
    qtbot.waitExposed(view)
    empty = view.viewport().size()
    model.append_events(records())  # far more rows than the view shows
    qtbot.wait(50)
    assert view.verticalScrollBar().maximum() > 0
    assert view.viewport().size() == empty
