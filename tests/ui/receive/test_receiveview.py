"""Tests for netassistant.ui.receive.receiveview: the receive area of a pane."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.qt.models.chunkmodel import ChunkRole, Column
from netassistant.ui.receive.delegates import SPECIAL_BACKGROUND
from netassistant.ui.receive.receiveview import ReceiveView

LOCAL = "127.0.0.1:9000"
PEER_A = "127.0.0.1:50001"
PEER_B = "192.168.1.20:40000"
TS = int(datetime.datetime(2024, 5, 6, 13, 4, 5, 678_000).timestamp()) * 10**9 + 678_000_000


def rx(seq: int, data: bytes, conn: int = 1, peer: str = PEER_A) -> Chunk:
    return Chunk(seq, TS, conn, Direction.RX, LOCAL, peer, data)


def tx(seq: int, data: bytes, conn: int = 1, peer: str = PEER_A) -> Chunk:
    return Chunk(seq, TS, conn, Direction.TX, LOCAL, peer, data)


def ev(seq: int, kind: EventKind = EventKind.ACCEPTED, conn: int = 1) -> ConnEvent:
    return ConnEvent(seq, TS, kind, conn, LOCAL, PEER_A)


def data_texts(view: ReceiveView) -> list[str]:
    model = view.table.model()
    return [model.index(row, Column.DATA).data() for row in range(model.rowCount())]


def shown_seqs(view: ReceiveView) -> list[int]:
    model = view.table.model()
    return [model.index(row, 0).data(ChunkRole).seq for row in range(model.rowCount())]


def choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


@pytest.fixture
def view(qtbot) -> ReceiveView:
    widget = ReceiveView()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    return widget


@pytest.fixture
def shown(qtbot) -> Iterator[ReceiveView]:
    # A plain host window: showing a top-level with a layout makes the offscreen
    # platform warn that it cannot propagate size hints.
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(900, 600)
    view = ReceiveView(host)
    view.setGeometry(0, 0, 900, 600)
    host.show()
    qtbot.waitExposed(host)
    yield view  # noqa: PT022 - the generator frame keeps the host widget alive


def test_controls_are_named_and_described(view):
    names = [
        "displayMode",
        "streamToggle",
        "pauseButton",
        "autoscroll",
        "clearButton",
        "connFilter",
        "dirFilter",
        "showEvents",
        "chunkTable",
    ]
    for name in names:
        widget = view.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.toolTip(), name
        assert widget.accessibleName(), name
    assert "Ctrl+L" in view.clear_button.toolTip()
    assert view.findChild(QWidget, "pausedLabel") is view.paused_label
    assert view.findChild(QWidget, "receiveSplitter") is view.splitter


def test_table_layout(view):
    table = view.table
    # Unfiltered, the table shows the model itself; the proxy comes in with a filter,
    # and the column widths survive the switch both ways.
    assert table.model() is view.model
    assert view.proxy.sourceModel() is None, "an unused proxy does no per-row work"
    table.setColumnWidth(Column.PEER, 170)
    view.peer_filter.setText("127.0.0.1")
    assert table.model() is view.proxy
    assert view.proxy.sourceModel() is view.model
    assert table.columnWidth(Column.PEER) == 170
    view.peer_filter.clear()
    assert table.model() is view.model
    assert not table.verticalHeader().isVisible()
    assert table.horizontalHeader().stretchLastSection()
    assert not table.wordWrap()
    assert table.columnWidth(Column.PEER) == 170  # kept; the others fit their values (below)
    assert view.autoscroll_button.isChecked()
    assert view.show_events.isChecked()


def test_three_chunks_are_three_rows_in_every_mode(view):
    view.append_events([rx(1, b"a;b;c;"), rx(2, b"hello\r\n"), tx(3, b"\x00\x01")])
    assert view.table.model().rowCount() == 3
    assert data_texts(view) == ["a;b;c;", "hello␍␊", "␀␁"]
    choose(view.display_combo, "hex")
    assert data_texts(view) == ["61 3B 62 3B 63 3B", "68 65 6C 6C 6F 0D 0A", "00 01"]
    choose(view.display_combo, "both")
    assert data_texts(view) == [
        "61 3B 62 3B 63 3B | a;b;c;",
        "68 65 6C 6C 6F 0D 0A | hello␍␊",
        "00 01 | ␀␁",
    ]


def test_sticky_packet_is_one_row(view):
    # Three application messages that arrived in one recv() stay one row.
    view.append_events([rx(1, b"a;b;c;")])
    assert data_texts(view) == ["a;b;c;"]


def test_pause_holds_chunks_until_resumed(view):
    view.append_events([rx(1, b"one")])
    view.pause_button.click()
    view.append_events([rx(2, b"two")])
    view.append_events([rx(3, b"three")])
    assert shown_seqs(view) == [1]
    assert view.paused_label.text() == "paused — 2 chunks waiting"
    assert not view.paused_label.isHidden()
    view.pause_button.click()
    assert shown_seqs(view) == [1, 2, 3]
    assert view.paused_label.isHidden()
    assert view.waiting == 0


def test_pause_buffer_keeps_the_newest_rows(qtbot):
    view = ReceiveView(max_rows=3)
    qtbot.addWidget(view)
    dropped = []
    view.dropped_changed.connect(lambda rows, nbytes: dropped.append((rows, nbytes)))
    view.set_paused(True)
    view.append_events([rx(seq, b"xy") for seq in range(1, 6)])
    assert view.waiting == 3
    assert view.paused_label.text() == "paused — 3 chunks waiting"
    assert dropped == [(2, 4)]
    view.set_paused(False)
    assert shown_seqs(view) == [3, 4, 5]
    assert (view.dropped_rows, view.dropped_bytes) == (2, 4)
    # A later cap drop in the model adds to the pause drops.
    view.append_events([rx(6, b"abc")])
    assert dropped[-1] == (3, 6)
    view.clear()
    assert dropped[-1] == (0, 0)
    assert (view.dropped_rows, view.dropped_bytes) == (0, 0)


def test_pause_buffer_keeps_the_byte_cap(qtbot):
    view = ReceiveView(max_bytes=10)
    qtbot.addWidget(view)
    view.set_paused(True)
    view.append_events([rx(seq, b"abcd") for seq in range(1, 5)])
    assert view.waiting == 2
    assert (view.dropped_rows, view.dropped_bytes) == (2, 8)


def test_clear_while_paused_drops_the_waiting_chunks(view):
    view.set_paused(True)
    view.append_events([rx(1, b"one"), rx(2, b"two")])
    view.clear()
    assert view.paused_label.text() == "paused — 0 chunks waiting"
    view.set_paused(False)
    assert view.table.model().rowCount() == 0
    assert (view.dropped_rows, view.dropped_bytes) == (0, 0)


def test_autoscroll_follows_new_rows(shown):
    bar = shown.table.verticalScrollBar()
    shown.append_events([rx(seq, b"x") for seq in range(200)])
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()
    shown.append_events([rx(seq, b"x") for seq in range(200, 210)])
    assert bar.value() == bar.maximum()


def test_no_autoscroll_keeps_the_position(shown, qtbot):
    bar = shown.table.verticalScrollBar()
    shown.append_events([rx(seq, b"x") for seq in range(200)])
    shown.autoscroll_button.click()
    assert not shown.autoscroll_button.isChecked()
    before = bar.value()
    shown.append_events([rx(seq, b"x") for seq in range(200, 300)])
    # The view lays the new rows out later, in one go; the position stays.
    qtbot.waitUntil(lambda: bar.maximum() > before)
    assert bar.value() == before
    assert not shown.autoscroll_button.isChecked()


def test_scrolling_up_turns_autoscroll_off_and_bottom_turns_it_on(shown):
    bar = shown.table.verticalScrollBar()
    shown.append_events([rx(seq, b"x") for seq in range(200)])
    bar.setValue(10)
    assert not shown.autoscroll_button.isChecked()
    shown.append_events([rx(seq, b"x") for seq in range(200, 300)])
    assert bar.value() == 10
    bar.setValue(bar.maximum())
    assert shown.autoscroll_button.isChecked()
    shown.append_events([rx(seq, b"x") for seq in range(300, 400)])
    assert bar.value() == bar.maximum()


def test_connection_and_direction_filters(view):
    view.append_events(
        [rx(1, b"a1", 1), ev(2, conn=2), rx(3, b"b1", 2, PEER_B), tx(4, b"b2", 2, PEER_B)]
    )
    view.set_connections([(1, PEER_A), (2, PEER_B)])
    combo = view.conn_filter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All connections",
        "#1 127.0.0.1:50001",
        "#2 192.168.1.20:40000",
    ]
    choose(combo, 2)
    assert view.proxy.filter.conn == 2
    assert shown_seqs(view) == [2, 3, 4]
    choose(view.dir_filter, "rx")
    assert view.proxy.filter.direction == "rx"
    assert shown_seqs(view) == [2, 3]
    view.show_events.click()
    assert not view.proxy.filter.show_events
    assert shown_seqs(view) == [3]
    choose(view.dir_filter, "all")
    choose(combo, None)
    assert view.proxy.filter.conn is None
    assert shown_seqs(view) == [1, 3, 4]


def test_set_connections_keeps_the_selection(view):
    view.set_connections([(1, PEER_A), (2, PEER_B)])
    choose(view.conn_filter, 2)
    view.set_connections([(2, PEER_B), (3, "10.0.0.3:1234")])
    assert view.conn_filter.currentData() == 2
    assert view.conn_filter.currentText() == "#2 192.168.1.20:40000"
    # Connection 2 is gone, but its rows are still in the log: it stays selected.
    view.set_connections([(3, "10.0.0.3:1234")])
    assert view.conn_filter.currentData() == 2
    assert view.conn_filter.currentText() == "#2 192.168.1.20:40000"
    assert view.proxy.filter.conn == 2
    choose(view.conn_filter, None)
    view.set_connections([(3, "10.0.0.3:1234")])
    assert view.conn_filter.count() == 2
    assert view.conn_filter.currentData() is None


def test_selecting_a_row_shows_its_detail(view):
    view.append_events([rx(1, b"first"), ev(2), rx(3, b"hi\r\n")])
    view.table.selectRow(2)
    assert view.detail.item == rx(3, b"hi\r\n")
    expected = "00000000  68 69 0d 0a" + " " * 37 + "  |hi..|"
    assert view.detail.hex_view.toPlainText() == expected
    view.table.selectRow(1)
    assert view.detail.header.text().startswith("Event 2 — connection accepted at ")


def test_data_delegate_marks_control_characters(shown, qtbot):
    shown.splitter.setSizes([500, 0])
    shown.append_events([rx(1, b"\r\n\r\n\r\n\r\n"), rx(2, b"plain")])
    qtbot.wait(10)

    def special_pixels() -> int:
        image = shown.table.viewport().grab().toImage()
        hits = 0
        for y in range(0, image.height(), 2):
            for x in range(0, min(image.width(), 700), 2):
                if QColor(image.pixel(x, y)) == SPECIAL_BACKGROUND:
                    hits += 1
        return hits

    assert special_pixels() > 0
    choose(shown.display_combo, "both")
    assert special_pixels() > 0
    choose(shown.display_combo, "hex")
    assert special_pixels() == 0


def test_stream_toggle_switches_to_the_stream_view(shown):
    shown.append_events([rx(1, b"one"), rx(2, b"two")])
    assert not shown.stream.isVisible()
    shown.stream_toggle.click()
    assert shown.stream.isVisible()
    assert not shown.table.isVisible()
    text = shown.stream.text.toPlainText()
    assert text.index("one") < text.index("two")


def test_filters_apply_to_the_stream(shown):
    shown.stream_toggle.click()
    shown.append_events([rx(1, b"rx-one", 1), tx(2, b"tx-two", 1), rx(3, b"rx-three", 2)])
    choose(shown.dir_filter, "rx")
    shown.stream.rebuild()
    assert shown.stream.text.toPlainText() == "rx-one│rx-three"
    shown.set_connections([(1, PEER_A), (2, PEER_B)])
    choose(shown.conn_filter, 2)
    shown.stream.rebuild()
    assert shown.stream.text.toPlainText() == "rx-three"


def test_clear_empties_model_stream_and_detail(shown):
    shown.stream_toggle.click()
    shown.append_events([rx(1, b"one"), rx(2, b"two")])
    shown.stream.rebuild()
    shown.table.selectRow(0)
    shown.clear()
    assert shown.model.rowCount() == 0
    assert shown.proxy.rowCount() == 0
    assert shown.stream.text.toPlainText() == ""
    assert shown.detail.item is None


def test_set_encoding_reaches_log_and_detail(view):
    view.append_events([rx(1, "你好".encode("gbk"))])
    view.set_encoding("gbk")
    assert data_texts(view) == ["你好"]
    view.table.selectRow(0)
    assert view.detail.text_view.toPlainText() == "你好"
    with pytest.raises(LookupError, match="unknown encoding: no-such-codec"):
        view.set_encoding("no-such-codec")


def test_settings_round_trip(view):
    assert view.settings() == {
        "display": "text",
        "stream": False,
        "autoscroll": True,
        "show_events": True,
        "max_rows": 100_000,
        "max_bytes": 32 * 1024 * 1024,
    }
    wanted = {
        "display": "hex",
        "stream": True,
        "autoscroll": False,
        "show_events": False,
        "max_rows": 500,
        "max_bytes": 4096,
    }
    view.apply_settings(wanted)
    assert view.settings() == wanted
    assert view.model.display_mode == "hex"
    assert view.table.data_delegate.display_mode == "hex"
    assert not view.proxy.filter.show_events
    assert view.model.max_rows == 500

    other = ReceiveView()
    other.apply_settings(view.settings())
    assert other.settings() == wanted
    other.deleteLater()


def test_apply_settings_ignores_bad_and_unknown_values(view):
    before = view.settings()
    view.apply_settings(
        {
            "display": "braille",
            "stream": "yes",
            "autoscroll": 1,
            "max_rows": 0,
            "max_bytes": True,
            "timestamps": True,
        }
    )
    assert view.settings() == before


def test_toolbar_buttons_toggle_with_the_mouse(view, qtbot):
    buttons: list[QAbstractButton] = [view.pause_button, view.stream_toggle]
    for button in buttons:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert button.isChecked()
    assert view.paused_label.text() == "paused — 0 chunks waiting"


def test_peer_filter_for_udp_senders(shown):
    # UDP: every datagram is connection 0, so senders are told apart by peer address.
    shown.append_events(
        [rx(1, b"from-a", 0, PEER_A), rx(2, b"from-b", 0, PEER_B), rx(3, b"a-again", 0, PEER_A)]
    )
    port_b = PEER_B.rsplit(":", 1)[1]
    shown.peer_filter.setText(port_b)
    assert shown_seqs(shown) == [2]
    shown.stream_toggle.click()
    shown.stream.rebuild()
    assert shown.stream.text.toPlainText() == "from-b"
    shown.peer_filter.clear()
    assert shown_seqs(shown) == [1, 2, 3]


def test_numbers_fit_their_columns(view):
    # A megabyte chunk at seq 12,345,678 on connection #99999 (and a truncated datagram).
    big = Chunk(12_345_678, 0, 99_999, Direction.RX, "127.0.0.1:9000", PEER_A, b"x" * 1_000_000)
    view.append_events([big])
    metrics = view.table.fontMetrics()
    for column, text in (
        (Column.LEN, "1000000"),
        (Column.SEQ, "12345678"),
        (Column.CONN, "#99999"),
    ):
        assert view.model.index(0, column).data() == text
        assert view.table.columnWidth(column) >= metrics.horizontalAdvance(text) + 6, column
    assert view.table.columnWidth(Column.LEN) > metrics.horizontalAdvance("65535/65535")
    for column in Column:
        title = view.model.headerData(column, Qt.Orientation.Horizontal)
        header_metrics = view.table.horizontalHeader().fontMetrics()
        assert view.table.columnWidth(column) > header_metrics.horizontalAdvance(title), title


def test_save_log_writes_every_held_row_then_what_waits(view, tmp_path):
    from netassistant.core.logformat import chunk_line, event_line

    held = [ev(1), rx(2, b"one"), tx(3, b"two", conn=2, peer=PEER_B)]
    view.append_events(held)
    view.dir_filter.setCurrentIndex(view.dir_filter.findData("rx"))  # filters do not matter
    view.set_paused(True)
    waiting = [rx(4, b"three")]
    view.append_events(waiting)
    path = tmp_path / "log.txt"
    assert view.save_log(str(path), "text") == 4
    expected = [event_line(held[0])] + [chunk_line(c) for c in (*held[1:], *waiting)]
    assert path.read_text(encoding="utf-8").splitlines() == expected
    assert view.toolbar.save_button.objectName() == "saveLogButton"


def test_the_log_repaints_holding_the_foreground_gate(qtbot):
    from netassistant.qt.foreground import GUI_GATE
    from netassistant.qt.models.chunkmodel import ChunkLogModel, Column
    from netassistant.ui.receive.delegates import ChunkDataDelegate, ChunkTableView

    held: list[bool] = []

    class Recording(ChunkDataDelegate):
        def paint(self, painter, option, index):
            held.append(GUI_GATE.busy)
            super().paint(painter, option, index)

    model = ChunkLogModel()
    model.append_events([Chunk(1, 0, 1, Direction.RX, "127.0.0.1:1", "127.0.0.1:2", b"abc")])
    view = ChunkTableView(model)
    qtbot.addWidget(view)
    delegate = Recording(model, view)  # kept: a collected wrapper loses its paint()
    view.setItemDelegateForColumn(Column.DATA, delegate)
    view.resize(1600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.viewport().update()
    qtbot.waitUntil(lambda: bool(held), timeout=5000)
    assert set(held) == {True}
    assert not GUI_GATE.busy
