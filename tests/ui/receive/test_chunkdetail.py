"""Tests for netassistant.ui.receive.chunkdetail: the whole of the selected chunk."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, EventKind
from netassistant.core.logformat import clock as format_clock
from netassistant.ui.receive.chunkdetail import DETAIL_LIMIT, ChunkDetail

LOCAL = "127.0.0.1:9000"
PEER = "127.0.0.1:50000"
TS = int(datetime.datetime(2024, 5, 6, 12, 0, 1, 234_000).timestamp()) * 10**9 + 234_000_000


def rx(seq: int, data: bytes, **kw) -> Chunk:
    return Chunk(seq, TS, 1, Direction.RX, LOCAL, PEER, data, **kw)


@pytest.fixture
def detail(qtbot) -> ChunkDetail:
    widget = ChunkDetail()
    qtbot.addWidget(widget)
    return widget


def test_format_clock():
    assert format_clock(TS) == "12:00:01.234"


def test_nothing_selected(detail):
    assert detail.item is None
    assert detail.header.text() == "Select a row to see the whole chunk."
    assert detail.hex_view.toPlainText() == ""
    assert not any(button.isEnabled() for button in detail.copy_buttons)


def test_controls_are_named_and_described(detail):
    for name in ("copyHex", "copyText", "copyC", "copyPython", "detailHex", "detailText"):
        widget = detail.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.toolTip(), name
        assert widget.accessibleName(), name


def test_rx_chunk_header_dump_and_text(detail):
    data = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
    detail.show_item(rx(7, data))
    assert detail.header.text() == (
        "RX chunk 7 — 27 bytes from 127.0.0.1:50000 at 12:00:01.234 (conn #1)"
    )
    assert detail.hex_view.toPlainText() == (
        "00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  |GET / HTTP/1.1..|\n"
        "00000010  48 6f 73 74 3a 20 78 0d  0a 0d 0a                 |Host: x....|"
    )
    # Control bytes as pictures (␍␊), never the characters \\r\\n someone could type.
    assert detail.text_view.toPlainText() == "GET / HTTP/1.1␍␊\nHost: x␍␊\n␍␊\n"
    assert all(button.isEnabled() for button in detail.copy_buttons)


def test_tx_and_truncated_headers(detail):
    detail.show_item(Chunk(8, TS, 2, Direction.TX, LOCAL, PEER, b"ok"))
    assert detail.header.text() == (
        "TX chunk 8 — 2 bytes to 127.0.0.1:50000 at 12:00:01.234 (conn #2)"
    )
    detail.show_item(rx(9, b"abcd", flags=ChunkFlag.TRUNCATED, orig_len=100))
    assert detail.header.text() == (
        "RX chunk 9 — 4 of 100 bytes (datagram truncated) from 127.0.0.1:50000 "
        "at 12:00:01.234 (conn #1)"
    )


def test_event_header(detail):
    event = ConnEvent(3, TS, EventKind.ACCEPTED, 1, LOCAL, PEER)
    detail.show_item(event, "connection accepted")
    assert detail.header.text() == (
        "Event 3 — connection accepted at 12:00:01.234 (conn #1) peer 127.0.0.1:50000"
    )
    assert detail.hex_view.toPlainText() == ""
    assert not any(button.isEnabled() for button in detail.copy_buttons)
    detail.show_item(ConnEvent(4, TS, EventKind.ERROR, 0, message="bind failed"))
    assert detail.header.text() == "Event 4 — bind failed at 12:00:01.234 (conn #0)"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("copyHex", "68 69 0D 0A 00 FF"),
        ("copyText", "hi\r\n\x00\\xff"),
        ("copyC", "unsigned char data[6] = {\n    0x68, 0x69, 0x0d, 0x0a, 0x00, 0xff\n};"),
        ("copyPython", "b'hi\\r\\n\\x00\\xff'"),
    ],
)
def test_copy_buttons(detail, qtbot, name, expected):
    detail.show_item(rx(1, b"hi\r\n\x00\xff"))
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    button = detail.findChild(QWidget, name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == expected


def test_copy_does_nothing_without_a_chunk(detail):
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("untouched")
    detail.show_item(ConnEvent(1, TS, EventKind.CLOSED, 1))
    detail.copy_hex()
    detail.copy_text()
    detail.copy_c_array()
    detail.copy_python()
    assert clipboard.text() == "untouched"


def test_encoding(detail):
    detail.show_item(rx(1, "你好\n".encode("gbk")))
    assert detail.text_view.toPlainText() == "\\xc4\\xe3\\xba\\xc3␊\n"
    detail.set_encoding("gbk")
    assert detail.text_view.toPlainText() == "你好␊\n"
    with pytest.raises(LookupError, match="unknown encoding: no-such-codec"):
        detail.set_encoding("no-such-codec")
    assert detail.encoding == "gbk"
    clipboard = QGuiApplication.clipboard()
    detail.copy_text()
    assert clipboard.text() == "你好\n"


def test_large_chunk_shows_the_first_mebibyte(detail):
    data = bytes(range(256)) * (DETAIL_LIMIT // 256) + b"tail!"
    detail.show_item(rx(1, data))
    note = detail.findChild(QWidget, "detailNote")
    assert not note.isHidden()
    assert note.text() == "Showing the first 1048576 of 1048581 bytes; copies take all of them."
    dump = detail.hex_view.toPlainText()
    assert dump.count("\n") == DETAIL_LIMIT // 16 - 1
    assert dump.rsplit("\n", 1)[1].startswith("000ffff0  f0 f1 f2")
    detail.copy_python()
    assert QGuiApplication.clipboard().text().endswith("tail!'")
    detail.show_item(rx(2, b"small"))
    assert note.isHidden()
