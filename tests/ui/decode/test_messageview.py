"""Tests for netassistant.ui.decode.messageview: decoded messages beside the chunk log."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from netassistant.core.checksum import append_checksum
from netassistant.core.chunk import Chunk, Direction
from netassistant.core.decoding import DecodedMessage, DecodeError
from netassistant.core.framing import Span, encode_frame, parse_frame_spec
from netassistant.qt.decodepipeline import DecodePipeline
from netassistant.qt.models.chunkmodel import ChunkLogModel
from netassistant.qt.models.messagemodel import ERROR_COLOR, MessageColumn, MessageRole
from netassistant.ui.decode.messageview import MessageView
from netassistant.ui.receive.delegates import ChunkTableView
from tests.qt.decoding import LocalDecodePipeline

LOCAL = "127.0.0.1:9000"
PEER = "127.0.0.1:50001"
LENGTH = parse_frame_spec("length:!I")
assert LENGTH is not None


def rx(seq: int, data: bytes, conn: int = 1) -> Chunk:
    return Chunk(seq, seq * 1000, conn, Direction.RX, LOCAL, PEER, data)


def frame(payload: bytes) -> bytes:
    return encode_frame(LENGTH, append_checksum("crc16-modbus", payload))


@pytest.fixture
def pipeline(qapp) -> DecodePipeline:
    return LocalDecodePipeline()


@pytest.fixture
def view(qtbot, pipeline) -> MessageView:
    widget = MessageView(pipeline)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    return widget


@pytest.fixture
def shown(qtbot, pipeline) -> Iterator[MessageView]:
    # A plain host window: showing a top-level with a layout makes the offscreen
    # platform warn that it cannot propagate size hints.
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(700, 300)
    view = MessageView(pipeline, host)
    view.setGeometry(0, 0, 700, 300)
    host.show()
    qtbot.waitExposed(host)
    yield view  # noqa: PT022 - the generator frame keeps the host widget alive


def test_summary_counts_messages_errors_mismatches_and_waiting_bytes(view, pipeline):
    pipeline.configure("length:!I", "crc16-modbus", None)
    good = [frame(b"m%d" % i) for i in range(11)]
    bad = bytearray(frame(b"oops"))
    bad[4] ^= 1
    partial = frame(b"later")[:5]
    pipeline.feed([rx(1, b"".join(good[:6]) + bytes(bad)), rx(2, b"".join(good[6:]) + partial)])
    assert view.summary.objectName() == "messageSummary"
    assert view.summary.text() == (
        "12 messages · 0 errors · 1 checksum mismatch · 5 bytes waiting for the rest of a message"
    )


def test_summary_singulars_and_what_is_left_out(view, pipeline):
    pipeline.configure("length:!I:max=8", None, None)
    assert view.summary.text() == "0 messages · 0 errors"
    too_long = (9).to_bytes(4, "big")
    pipeline.feed([rx(1, encode_frame(LENGTH, b"one") + too_long)])
    assert view.summary.text() == "1 message · 1 error"
    # The 9 announced bytes are skipped; the byte after them starts the next header.
    pipeline.feed([rx(2, b"x" * 9 + b"\0")])
    assert view.summary.text() == "1 message · 1 error · 1 byte waiting for the rest of a message"


def test_summary_when_nothing_is_decoded(view):
    assert view.summary.text() == ("No framing: choose one to see the messages inside the chunks")


def test_table_looks_like_the_chunk_log(view, pipeline):
    table = view.table
    assert table.objectName() == "messageTable"
    assert table.toolTip()
    assert table.accessibleName()
    assert table.model() is pipeline.model
    assert table.showGrid()
    assert not table.wordWrap()
    assert table.horizontalHeader().stretchLastSection()
    assert table.horizontalHeader().count() - 1 == MessageColumn.DATA
    chunk_log = ChunkTableView(ChunkLogModel())
    view_rows, log_rows = table.verticalHeader(), chunk_log.verticalHeader()
    assert view_rows.defaultSectionSize() == log_rows.defaultSectionSize()
    assert view_rows.sectionResizeMode(0) == log_rows.sectionResizeMode(0)
    assert table.styleSheet() == chunk_log.styleSheet()
    chunk_log.deleteLater()


def test_errors_are_red(view, pipeline):
    pipeline.configure("length:!I", None, None)
    pipeline.feed([rx(1, b"\0\0\0\1a\xff\xff\xff\xff")])
    model = view.table.model()
    assert isinstance(model.index(1, 0).data(MessageRole), DecodeError)
    assert model.index(1, MessageColumn.DATA).data(Qt.ItemDataRole.ForegroundRole) == ERROR_COLOR


def test_selecting_a_row_emits_its_message(view, pipeline, qtbot):
    pipeline.configure("length:!I", None, None)
    stream = b"".join(encode_frame(LENGTH, b"msg-%d" % i) for i in range(4))
    pipeline.feed([rx(7, stream[:12]), rx(8, stream[12:])])
    with qtbot.waitSignal(view.message_selected, timeout=100) as blocker:
        view.table.selectRow(1)
    message = blocker.args[0]
    assert isinstance(message, DecodedMessage)
    assert message is pipeline.model.item_at(1)
    assert (message.index, message.payload) == (1, b"msg-1")
    assert message.spans == (Span(7, 9, 12), Span(8, 0, 6))
    assert message.chunk_seqs == (7, 8)


def test_clear_empties_and_deselects(view, pipeline, qtbot):
    pipeline.configure("length:!I", None, None)
    pipeline.feed([rx(1, encode_frame(LENGTH, b"x") + b"\0\0")])
    view.table.selectRow(0)
    with qtbot.waitSignal(view.message_selected, timeout=100) as blocker:
        view.clear()
    assert blocker.args == [None]
    assert view.model.rowCount() == 0
    assert (
        view.summary.text() == "0 messages · 0 errors · 2 bytes waiting for the rest of a message"
    )


def test_display_mode_and_encoding_pass_through(view, pipeline):
    pipeline.configure("delimiter:\\n", None, None)
    pipeline.feed([rx(1, "你好\n".encode("gbk"))])
    data = view.model.index(0, MessageColumn.DATA)
    assert data.data() == "C4 E3 BA C3"
    view.set_display_mode("text")
    view.set_encoding("gbk")
    assert data.data() == "你好"
    view.set_display_mode("both")
    assert data.data() == "C4 E3 BA C3 | 你好"
    with pytest.raises(ValueError, match="'octal' is not a valid DisplayMode"):
        view.set_display_mode("octal")
    with pytest.raises(LookupError, match="unknown encoding: no-such-codec"):
        view.set_encoding("no-such-codec")


def test_follows_new_rows_only_while_at_the_bottom(shown, pipeline, qtbot):
    pipeline.configure("delimiter:\\n", None, None)
    pipeline.feed([rx(1, b"line\n" * 200)])
    bar = shown.table.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()
    bar.setValue(0)
    pipeline.feed([rx(2, b"more\n" * 50)])
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    pipeline.feed([rx(3, b"again\n" * 50)])
    assert bar.value() == bar.maximum()
