"""Tests for netassistant.qt.models.messagemodel: the decoded message log."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from netassistant.core.checksum import append_checksum
from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.decoding import DecodedMessage, DecodeError, MessageDecoder
from netassistant.core.framing import FrameSpec, Span, SpanRun, encode_frame, parse_frame_spec
from netassistant.qt.models.messagemodel import (
    ERROR_COLOR,
    MESSAGE_COLOR,
    IsErrorRole,
    MessageColumn,
    MessageModel,
    MessageRole,
)

DISPLAY = Qt.ItemDataRole.DisplayRole
LOCAL = "127.0.0.1:9000"
PEER = "127.0.0.1:50001"
LENGTH = parse_frame_spec("length:!I")
assert LENGTH is not None


def rx(seq: int, data: bytes, conn: int = 1) -> Chunk:
    return Chunk(seq, seq, conn, Direction.RX, LOCAL, PEER, data)


def message(index: int, payload: bytes = b"abc", **kw) -> DecodedMessage:
    spans = kw.pop("spans", (Span(index, 0, len(payload) + 4),))
    return DecodedMessage(1, PEER, index, payload, b"\0\0\0\3" + payload, spans, **kw)


def cell(model: MessageModel, row: int, column: int, role=DISPLAY):
    return model.index(row, column).data(role)


def row_texts(model: MessageModel, row: int) -> list[str]:
    return [cell(model, row, col) for col in range(model.columnCount())]


@pytest.fixture
def model(qapp):
    return MessageModel()


@pytest.fixture
def decoded():
    """Messages and errors from a real decoder: sticky, split and broken frames."""
    spec = FrameSpec("length", fmt="!I", max_length=64)
    frames = [encode_frame(spec, append_checksum("crc16-modbus", p)) for p in (b"one", b"two")]
    split = encode_frame(spec, append_checksum("crc16-modbus", b"split"))
    bad = bytearray(encode_frame(spec, append_checksum("crc16-modbus", b"bad")))
    bad[4] ^= 1
    decoder = MessageDecoder(spec, "crc16-modbus")
    return decoder.feed(
        [
            rx(7, frames[0] + frames[1] + split[:5]),  # two whole messages and a start
            rx(8, split[5:] + bytes(bad)),  # the rest of one, and a corrupted one
            rx(9, b"\xff\xff\xff\xff tail"),  # a length over the maximum
        ]
    )


# -- model tester ----------------------------------------------------------------------


def test_model_tester_through_appends_trims_and_clear(qtmodeltester, decoded):
    model = MessageModel(max_rows=3)
    qtmodeltester.check(model)
    model.append(decoded)
    qtmodeltester.check(model)
    model.append([message(i) for i in range(10)])
    qtmodeltester.check(model)
    model.set_max_rows(2)
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_python_model_tester_watches_every_change(qtmodeltester, model, decoded):
    qtmodeltester.check(model, force_py=True)
    model.append(decoded)
    model.set_display_mode("both")
    model.set_encoding("gbk")
    model.set_max_rows(2)
    model.append([message(i) for i in range(5)])
    model.clear()
    model.append(decoded)


# -- cells -----------------------------------------------------------------------------


def test_rows_from_a_real_decoder(model, decoded):
    model.append(decoded)
    assert model.rowCount() == 5
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "#",
        "Conn",
        "Len",
        "From chunks",
        "Checksum",
        "Data",
    ]
    assert row_texts(model, 0) == ["0", "#1", "3", "chunk 7 [0:9]", "ok", "6F 6E 65"]
    assert row_texts(model, 1) == ["1", "#1", "3", "chunk 7 [9:18]", "ok", "74 77 6F"]
    assert row_texts(model, 2) == ["2", "#1", "5", "chunks 7[18:]–8[:6]", "ok", "73 70 6C 69 74"]
    assert row_texts(model, 3) == ["3", "#1", "3", "chunk 8 [6:15]", "MISMATCH", "63 61 64"]
    assert row_texts(model, 4) == [
        "",
        "#1",
        "4",
        "chunk 9 [0:4]",
        "",
        "length 4294967295 exceeds the maximum 64 bytes; skipping its 4294967295-byte payload",
    ]


def test_from_chunks_in_the_three_span_shapes(model):
    whole = message(0, spans=(Span(7, 0, 9),), last_chunk_length=9)
    part = message(1, spans=(Span(7, 0, 9),), last_chunk_length=20)
    split = message(2, spans=(Span(7, 5, 10), Span(8, 0, 4)), last_chunk_length=30)
    model.append([whole, part, split])
    column = MessageColumn.CHUNKS
    assert [cell(model, row, column) for row in range(3)] == [
        "chunk 7",
        "chunk 7 [0:9]",
        "chunks 7[5:]–8[:4]",
    ]


@pytest.mark.parametrize(
    ("spans", "last_length", "text"),
    [
        ((Span(7, 0, 10), Span(8, 0, 10), Span(9, 0, 3)), 3, "chunks 7–9"),
        ((Span(7, 2, 10), Span(9, 0, 3)), 3, "chunks 7[2:]–9"),
        ((Span(7, 0, 10), Span(8, 0, 3)), -1, "chunks 7–8[:3]"),
        ((Span(7, 4, 9),), -1, "chunk 7 [4:9]"),
        ((), -1, ""),
    ],
)
def test_chunks_text_edge_shapes(model, spans, last_length, text):
    assert model.chunks_text(spans, last_length) == text


def test_chunks_tooltip_lists_every_span(model):
    model.append([message(0, spans=(Span(7, 5, 10), Span(8, 0, 4)))])
    assert cell(model, 0, MessageColumn.CHUNKS, Qt.ItemDataRole.ToolTipRole) == (
        "chunk 7: bytes 5–10 (5 bytes)\nchunk 8: bytes 0–4 (4 bytes)"
    )


def test_chunks_of_a_long_run_are_one_tooltip_line(model):
    run = SpanRun(8, 0, 1, run_end_seq=107, size=100)
    model.append([message(0, spans=(Span(7, 5, 10), run, Span(108, 0, 4)), last_chunk_length=9)])
    assert cell(model, 0, MessageColumn.CHUNKS) == "chunks 7[5:]–108[:4]"
    assert cell(model, 0, MessageColumn.CHUNKS, Qt.ItemDataRole.ToolTipRole) == (
        "chunk 7: bytes 5–10 (5 bytes)\n"
        "chunks 8–107: 100 bytes, every chunk whole\n"
        "chunk 108: bytes 0–4 (4 bytes)"
    )


def test_display_modes_and_encoding(model):
    model.append([message(0, "中\r\n".encode("gbk"))])
    assert cell(model, 0, MessageColumn.DATA) == "D6 D0 0D 0A"
    model.set_display_mode("text")
    assert cell(model, 0, MessageColumn.DATA) == "\\xd6\\xd0␍␊"
    model.set_encoding("gbk")
    assert cell(model, 0, MessageColumn.DATA) == "中␍␊"
    model.set_display_mode("both")
    assert cell(model, 0, MessageColumn.DATA) == "D6 D0 0D 0A | 中␍␊"
    with pytest.raises(ValueError, match="'octal' is not a valid DisplayMode"):
        model.set_display_mode("octal")
    with pytest.raises(LookupError, match="unknown encoding: klingon"):
        model.set_encoding("klingon")


def test_long_payload_is_previewed(qapp):
    model = MessageModel(preview_bytes=4)
    model.append([message(0, b"abcdefgh")])
    assert cell(model, 0, MessageColumn.DATA) == "61 62 63 64 … (+4 bytes)"


def test_mode_change_signals_the_data_column(model):
    model.append([message(i) for i in range(3)])
    changes = []
    model.dataChanged.connect(
        lambda tl, br, _roles: changes.append((tl.row(), tl.column(), br.row(), br.column()))
    )
    model.set_display_mode("text")
    model.set_display_mode("text")
    assert changes == [(0, MessageColumn.DATA, 2, MessageColumn.DATA)]


def test_styles_and_roles(model):
    ok = message(0, checksum_ok=True, expected=b"\x12\x34", found=b"\x12\x34")
    bad = message(1, checksum_ok=False, expected=b"\x12\x34", found=b"\x56\x78")
    error = DecodeError(1, "broken", (Span(3, 0, 2),), PEER)
    model.append([ok, bad, error])

    assert cell(model, 0, 0, Qt.ItemDataRole.ForegroundRole) == MESSAGE_COLOR
    assert cell(model, 1, 0, Qt.ItemDataRole.ForegroundRole) == ERROR_COLOR
    assert cell(model, 2, 0, Qt.ItemDataRole.ForegroundRole) == ERROR_COLOR
    bold = cell(model, 1, MessageColumn.CHECKSUM, Qt.ItemDataRole.FontRole)
    assert isinstance(bold, QFont)
    assert bold.bold()
    assert cell(model, 0, MessageColumn.CHECKSUM, Qt.ItemDataRole.FontRole) is None
    assert cell(model, 1, MessageColumn.CHECKSUM, Qt.ItemDataRole.ToolTipRole) == (
        "expected 12 34, found 56 78"
    )
    assert cell(model, 0, MessageColumn.CHECKSUM) == "ok"
    assert cell(model, 1, MessageColumn.CHECKSUM) == "MISMATCH"
    assert cell(model, 0, 0, MessageRole) is ok
    assert cell(model, 2, 3, MessageRole) is error
    assert [cell(model, r, 0, IsErrorRole) for r in range(3)] == [False, False, True]
    assert model.item_at(1) is bad
    with pytest.raises(IndexError, match=r"^row 3 out of range$"):
        model.item_at(3)


# -- the cap ---------------------------------------------------------------------------


class Recorder:
    def __init__(self, model: MessageModel) -> None:
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        model.rowsInserted.connect(lambda _p, first, last: self.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.removed.append((first, last)))


def test_cap_trims_oldest_rows_with_one_insert_and_one_remove(qapp):
    model = MessageModel(max_rows=5)
    recorder = Recorder(model)
    model.append([message(i) for i in range(4)])
    model.append([message(i) for i in range(4, 7)])
    assert recorder.inserted == [(0, 3), (4, 6)]
    assert recorder.removed == [(0, 1)]
    assert [model.item_at(r).index for r in range(model.rowCount())] == [2, 3, 4, 5, 6]
    assert cell(model, 0, MessageColumn.INDEX) == "2"
    assert model.dropped_rows == 2


def test_batch_larger_than_the_cap_inserts_only_what_survives(qapp):
    model = MessageModel(max_rows=3)
    recorder = Recorder(model)
    model.append([message(0), message(1)])
    model.append([message(i) for i in range(2, 12)])
    assert recorder.inserted == [(0, 1), (2, 4)]
    assert recorder.removed == [(0, 1)]
    assert [model.item_at(r).index for r in range(3)] == [9, 10, 11]
    assert model.dropped_rows == 9


def test_default_cap_and_long_run(qapp):
    model = MessageModel()
    assert model.max_rows == 50_000
    for start in range(0, 60_000, 6_000):
        model.append([message(i) for i in range(start, start + 6_000)])
    assert model.rowCount() == 50_000
    assert model.item_at(0).index == 10_000
    assert model.item_at(49_999).index == 59_999
    assert model.dropped_rows == 10_000


def test_set_max_rows_and_clear(model):
    model.append([message(i) for i in range(10)])
    model.set_max_rows(4)
    assert [model.item_at(r).index for r in range(4)] == [6, 7, 8, 9]
    with pytest.raises(ValueError, match=r"^max_rows must be at least 1, not 0$"):
        model.set_max_rows(0)
    model.clear()
    assert model.rowCount() == 0
    assert model.dropped_rows == 0
    assert model.index(0, 0).data() is None


def test_table_has_no_children(model):
    model.append([message(0)])
    parent = model.index(0, 0)
    assert model.rowCount(parent) == 0
    assert model.columnCount(parent) == 0
    assert model.rowCount(QModelIndex()) == 1


def test_close_of_decoder_shows_up_as_an_error_row(model):
    decoder = MessageDecoder(LENGTH)
    frame = encode_frame(LENGTH, b"abcdef")
    closed = ConnEvent(3, 0, EventKind.CLOSED, 1, LOCAL, PEER)
    model.append(decoder.feed([rx(1, frame[:3]), rx(2, frame[3:8]), closed]))
    assert row_texts(model, 0) == [
        "",
        "#1",
        "8",
        "chunks 1–2",
        "",
        "the connection ended with 8 bytes of an unfinished message; dropping them",
    ]
