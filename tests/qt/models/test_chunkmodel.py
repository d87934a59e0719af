"""Tests for netassistant.qt.models.chunkmodel: the receive log model and its filter proxy."""

from __future__ import annotations

import datetime
import time

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QFont

from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, EventKind
from netassistant.core.codec import format_hex
from netassistant.qt.models.chunkmodel import (
    BAND_COLORS,
    ERROR_COLOR,
    EVENT_BACKGROUND,
    EVENT_COLOR,
    RX_COLOR,
    TX_COLOR,
    BandRole,
    ChunkLogModel,
    ChunkRole,
    Column,
    IsEventRole,
    SegmentsRole,
)

LOCAL = "127.0.0.1:9000"
PEER_A = "127.0.0.1:50001"
PEER_B = "192.168.1.20:40000"
# 13:04:05.678 local time, whatever the machine's time zone.
TS = int(datetime.datetime(2024, 5, 6, 13, 4, 5, 678_000).timestamp()) * 10**9 + 678_000_000

DISPLAY = Qt.ItemDataRole.DisplayRole


def rx(seq: int, data: bytes, conn: int = 1, peer: str = PEER_A, **kw) -> Chunk:
    return Chunk(seq, TS, conn, Direction.RX, LOCAL, peer, data, **kw)


def tx(seq: int, data: bytes, conn: int = 1, peer: str = PEER_A) -> Chunk:
    return Chunk(seq, TS, conn, Direction.TX, LOCAL, peer, data)


def ev(seq: int, kind: EventKind = EventKind.ACCEPTED, conn: int = 1, **kw) -> ConnEvent:
    return ConnEvent(seq, TS, kind, conn, LOCAL, kw.pop("peer", PEER_A), **kw)


def row_texts(model, row: int) -> list[str]:
    return [model.index(row, col).data(DISPLAY) for col in range(model.columnCount())]


def seqs(model) -> list[int]:
    return [model.chunk_at(row).seq for row in range(model.rowCount())]


class Recorder:
    """Counts the structural signals of a model."""

    def __init__(self, model: ChunkLogModel) -> None:
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.resets = 0
        self.dropped: list[tuple[int, int]] = []
        self.changed: list[tuple[int, int, int, int, list[int]]] = []
        model.rowsInserted.connect(lambda _p, first, last: self.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.removed.append((first, last)))
        model.modelReset.connect(self._reset)
        model.dropped_changed.connect(lambda rows, nbytes: self.dropped.append((rows, nbytes)))
        model.dataChanged.connect(
            lambda tl, br, roles: self.changed.append(
                (tl.row(), tl.column(), br.row(), br.column(), list(roles))
            )
        )

    def _reset(self) -> None:
        self.resets += 1


@pytest.fixture
def model(qapp):
    return ChunkLogModel()


@pytest.fixture
def mixed():
    return [
        ev(1, EventKind.ACCEPTED),
        rx(2, b"hello"),
        tx(3, b"world!"),
        rx(4, b"\x00\x01", conn=2, peer=PEER_B),
        ev(5, EventKind.CLOSED, conn=2, peer=PEER_B),
        rx(6, b"0123456789", conn=0, peer=PEER_B, flags=ChunkFlag.TRUNCATED, orig_len=25),
        ev(7, EventKind.ERROR, conn=1, message="connection refused"),
    ]


# -- model tester ---------------------------------------------------------------------


def test_model_tester_through_appends_trims_and_clear(qtmodeltester, model, mixed):
    qtmodeltester.check(model)
    model.append_events(mixed)
    qtmodeltester.check(model)
    model.set_limits(4, 1024)
    qtmodeltester.check(model)
    model.append_events([rx(8 + i, b"x" * i) for i in range(10)])
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_python_model_tester_watches_every_change(qtmodeltester, model, mixed):
    # The Python tester stays connected and checks each change as it happens, so it is
    # attached once (attaching it twice would double its signal handlers).
    qtmodeltester.check(model, force_py=True)
    model.append_events(mixed)
    model.set_limits(4, 1024)
    model.append_events([rx(8 + i, b"x" * i) for i in range(10)])
    model.set_display_mode("both")
    model.set_encoding("gbk")
    model.clear()
    model.append_events(mixed)


def test_table_is_flat(model, mixed):
    model.append_events(mixed)
    parent = model.index(0, 0)
    assert model.rowCount(parent) == 0
    assert model.columnCount(parent) == 0
    assert not model.index(0, 0, parent).isValid()
    assert model.columnCount() == len(Column) == 7


def test_index_answers_inside_the_table_only(model, mixed):
    model.append_events(mixed)
    rows = model.rowCount()
    last = model.index(rows - 1, Column.DATA)
    assert (last.isValid(), last.row(), last.column(), last.model()) == (True, rows - 1, 6, model)
    assert model.index(0, 0).data() == model.data(model.index(0, 0))
    for row, column in ((rows, 0), (0, 7), (-1, 0), (0, -1)):
        assert not model.index(row, column).isValid()
    assert model.hasIndex(rows - 1, 6)
    assert not model.hasIndex(rows, 6)


# -- display text ---------------------------------------------------------------------


def test_headers_are_titles(model):
    titles = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in Column]
    assert titles == ["Time", "Dir", "Peer", "Conn", "Seq", "Len", "Data"]


def test_rx_chunk_row(model):
    model.append_events([rx(42, b"hel", conn=3)])
    assert row_texts(model, 0) == [
        "13:04:05.678",
        "RX",
        PEER_A,
        "#3",
        "42",
        "3",
        "68 65 6C",
    ]


def test_tx_chunk_row(model):
    model.append_events([tx(7, b"\x01\xff", conn=1, peer=PEER_B)])
    assert row_texts(model, 0) == ["13:04:05.678", "TX", PEER_B, "#1", "7", "2", "01 FF"]


def test_truncated_datagram_shows_held_of_true_length(model):
    model.append_events([rx(1, b"0123456789", conn=0, flags=ChunkFlag.TRUNCATED, orig_len=25)])
    assert model.index(0, Column.LEN).data() == "10/25"
    tooltip = model.index(0, Column.DATA).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines()[0] == "10 of 25 bytes (datagram truncated)"


def test_event_rows(model):
    model.append_events(
        [
            ev(1, EventKind.ERROR, message="connection refused"),
            ev(2, EventKind.CLOSED, conn=4),
            ev(3, EventKind.SEND_PROGRESS, sent=4096, total=10000),
        ]
    )
    assert row_texts(model, 0) == [
        "13:04:05.678",
        "--",
        PEER_A,
        "#1",
        "1",
        "",
        "connection refused",
    ]
    assert model.index(1, Column.DATA).data() == "closed by peer"
    assert model.index(1, Column.CONN).data() == "#4"
    assert model.index(2, Column.DATA).data() == "sent 4096 of 10000 bytes"


def test_every_event_kind_has_a_label(model):
    model.append_events([ev(i, kind) for i, kind in enumerate(EventKind)])
    for row in range(model.rowCount()):
        assert model.index(row, Column.DATA).data()


def test_display_modes(model):
    model.append_events([rx(1, b"hel\r\n")])
    cell = model.index(0, Column.DATA)
    assert model.display_mode == "hex"
    assert cell.data() == "68 65 6C 0D 0A"
    model.set_display_mode("text")
    assert cell.data() == "hel␍␊"
    model.set_display_mode("both")
    assert cell.data() == "68 65 6C 0D 0A | hel␍␊"
    with pytest.raises(ValueError, match="'octal' is not a valid DisplayMode"):
        model.set_display_mode("octal")


def test_hex_matches_codec_format_hex(model):
    data = bytes(range(256)) * 2
    model.append_events([rx(1, data)])
    assert model.index(0, Column.DATA).data() == format_hex(data)


def test_mode_and_encoding_changes_are_data_changes_of_the_data_column(model):
    model.append_events([rx(1, b"a"), rx(2, b"b"), ev(3)])
    rec = Recorder(model)
    model.set_display_mode("text")
    model.set_display_mode("text")  # no change, no signal
    model.set_encoding("gbk")
    data = int(Column.DATA)
    assert [c[:4] for c in rec.changed] == [(0, data, 2, data), (0, data, 2, data)]
    assert int(Qt.ItemDataRole.DisplayRole) in rec.changed[0][4]
    assert rec.resets == 0


def test_mode_change_on_empty_model_emits_nothing(model):
    rec = Recorder(model)
    model.set_display_mode("both")
    model.set_encoding("latin-1")
    assert rec.changed == []


def test_gbk_text(model):
    model.append_events([rx(1, "你好".encode("gbk"))])
    model.set_display_mode("text")
    cell = model.index(0, Column.DATA)
    assert cell.data() == r"\xc4\xe3\xba\xc3"  # not UTF-8
    model.set_encoding("gbk")
    assert model.encoding == "gbk"
    assert cell.data() == "你好"
    assert cell.data(SegmentsRole) == [("你好", False)]
    with pytest.raises(LookupError, match="unknown encoding: no-such-codec"):
        model.set_encoding("no-such-codec")
    assert model.encoding == "gbk"


def test_segments_mark_control_bytes_special(model):
    model.append_events([rx(1, b"ok\r\n\x00end"), ev(2)])
    assert model.index(0, Column.DATA).data(SegmentsRole) == [
        ("ok", False),
        ("␍␊␀", True),
        ("end", False),
    ]
    # Typed backslashes are ordinary text: they never look like a received CR LF.
    model.append_events([rx(3, b"AT\\r\\n\r\n")])
    assert model.index(2, Column.DATA).data(SegmentsRole) == [("AT\\r\\n", False), ("␍␊", True)]
    assert model.index(1, Column.DATA).data(SegmentsRole) is None


def test_big_chunk_preview_is_truncated(qapp):
    model = ChunkLogModel(preview_bytes=4)
    model.append_events([rx(1, b"abcdefghij"), rx(2, b"abcd")])
    assert model.index(0, Column.DATA).data() == "61 62 63 64 … (+6 bytes)"
    assert model.index(1, Column.DATA).data() == "61 62 63 64"
    model.set_display_mode("text")
    assert model.index(0, Column.DATA).data() == "abcd … (+6 bytes)"
    assert model.index(0, Column.DATA).data(SegmentsRole) == [("abcd", False)]
    assert model.index(0, Column.LEN).data() == "10"
    assert model.index(0, Column.DATA).data(ChunkRole).data == b"abcdefghij"


def test_tooltip_holds_full_hex_up_to_4k(model):
    model.append_events([rx(1, bytes(range(40))), rx(2, b"\xaa" * 5000)])
    lines = model.index(0, Column.DATA).data(Qt.ItemDataRole.ToolTipRole).splitlines()
    assert lines[0] == "40 bytes"
    assert " ".join(lines[1:]) == " ".join(f"{b:02X}" for b in range(40))
    big = model.index(1, Column.DATA).data(Qt.ItemDataRole.ToolTipRole).splitlines()
    assert big[0] == "5000 bytes"
    assert " ".join(big[1:-1]).count("AA") == 4096
    assert big[-1] == "… (+904 bytes)"
    assert model.index(0, Column.TIME).data(Qt.ItemDataRole.ToolTipRole) is None


# -- roles ----------------------------------------------------------------------------


def test_custom_roles(model, mixed):
    model.append_events(mixed)
    assert model.index(1, Column.PEER).data(ChunkRole) is mixed[1]
    assert model.chunk_at(1) is mixed[1]
    assert model.index(0, 0).data(IsEventRole) is True
    assert model.index(1, 0).data(IsEventRole) is False
    with pytest.raises(IndexError, match=r"^row 7 out of range$"):
        model.chunk_at(len(mixed))
    with pytest.raises(IndexError, match=r"^row -1 out of range$"):
        model.chunk_at(-1)


def test_colours_fonts_and_alignment(model):
    model.append_events(
        [rx(1, b"a"), tx(2, b"b"), ev(3), ev(4, EventKind.RESET), ev(5, EventKind.ERROR)]
    )
    fg = [model.index(r, 0).data(Qt.ItemDataRole.ForegroundRole) for r in range(5)]
    assert fg == [RX_COLOR, TX_COLOR, EVENT_COLOR, ERROR_COLOR, ERROR_COLOR]
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) == EVENT_BACKGROUND
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) in BAND_COLORS

    data_font = model.index(0, Column.DATA).data(Qt.ItemDataRole.FontRole)
    assert isinstance(data_font, QFont)
    assert model.index(0, Column.TIME).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(2, Column.TIME).data(Qt.ItemDataRole.FontRole).italic()

    def align(col):
        return model.index(0, col).data(Qt.ItemDataRole.TextAlignmentRole)

    for col in (Column.CONN, Column.SEQ, Column.LEN):
        assert align(col) & Qt.AlignmentFlag.AlignRight
    assert align(Column.DATA) is None


def test_flags(model):
    model.append_events([rx(1, b"a")])
    flags = model.flags(model.index(0, Column.DATA))
    assert flags == (
        Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
    )
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def bands(model) -> list[int]:
    return [model.index(r, 0).data(BandRole) for r in range(model.rowCount())]


def test_band_alternates_per_chunk_and_events_do_not_flip_it(model):
    model.append_events([rx(1, b"a"), tx(2, b"b"), ev(3), rx(4, b"c")])
    model.append_events([rx(5, b"d")])
    b = bands(model)
    assert b[0] != b[1]
    assert b[2] == b[1]  # the event carries the band of the chunk before it
    assert b[3] != b[1]
    assert b[4] != b[3]
    colours = [model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) for r in (0, 1, 3)]
    assert colours[0] != colours[1]
    assert colours[2] == colours[0]


def test_band_is_stable_when_rows_are_trimmed(qapp):
    model = ChunkLogModel(max_rows=4)
    model.append_events([rx(i, b"x") for i in range(3)])
    before = {model.chunk_at(r).seq: model.index(r, 0).data(BandRole) for r in range(3)}
    for seq in range(3, 8):  # trims one row at a time: an odd shift
        model.append_events([rx(seq, b"x")])
        now = {model.chunk_at(r).seq: model.index(r, 0).data(BandRole) for r in range(4)}
        for s, band in now.items():
            before.setdefault(s, band)
            assert before[s] == band
    assert bands(model) == [0, 1, 0, 1] or bands(model) == [1, 0, 1, 0]


# -- caps -----------------------------------------------------------------------------


def test_row_cap_keeps_newest_rows_one_insert_and_one_remove_per_batch(qtbot, qapp):
    model = ChunkLogModel(max_rows=5)
    rec = Recorder(model)
    batches: list[list[Chunk | ConnEvent]] = [
        [rx(1, b"a"), rx(2, b"bb"), rx(3, b"ccc")],
        [rx(4, b"d"), ev(5), rx(6, b"f")],
    ]
    for batch in batches:
        model.append_events(batch)
    assert rec.inserted == [(0, 2), (3, 5)]
    assert rec.removed == [(0, 0)]
    with qtbot.waitSignal(model.dropped_changed) as blocker:
        model.append_events([rx(7, b"gg"), rx(8, b"h")])
    assert blocker.args == [3, 1 + 2 + 3]
    assert seqs(model) == [4, 5, 6, 7, 8]
    assert model.dropped_rows == 3
    assert model.dropped_bytes == 6
    assert model.held_bytes == 1 + 0 + 1 + 2 + 1
    assert rec.inserted == [(0, 2), (3, 5), (5, 6)]
    assert rec.removed == [(0, 0), (0, 1)]
    assert rec.dropped == [(1, 1), (3, 6)]


def test_batch_bigger_than_the_cap_inserts_only_survivors(qapp):
    model = ChunkLogModel(max_rows=5)
    model.append_events([rx(1, b"old"), rx(2, b"old")])
    rec = Recorder(model)
    model.append_events([rx(seq, bytes([seq])) for seq in range(3, 11)])
    assert seqs(model) == [6, 7, 8, 9, 10]
    assert rec.inserted == [(2, 6)]  # five rows inserted after the two old ones
    assert rec.removed == [(0, 1)]
    assert model.dropped_rows == 5
    assert model.dropped_bytes == 3 + 3 + 3
    assert model.held_bytes == 5
    assert rec.dropped == [(5, 9)]
    # The running totals stay right after rows were skipped from a batch.
    model.append_events([rx(11, b"zz")])
    assert model.held_bytes == 6
    assert model.dropped_bytes == 10


def test_byte_cap(qapp):
    model = ChunkLogModel(max_bytes=10)
    rec = Recorder(model)
    model.append_events([rx(1, b"1234"), ev(2), rx(3, b"5678")])
    assert model.held_bytes == 8
    assert rec.dropped == []
    model.append_events([rx(4, b"abc")])  # 11 bytes: the first chunk must go
    assert seqs(model) == [2, 3, 4]  # the zero-byte event after it survives
    assert model.held_bytes == 7
    assert (model.dropped_rows, model.dropped_bytes) == (1, 4)
    model.append_events([rx(5, b"x" * 10)])
    assert seqs(model) == [5]
    assert model.held_bytes == 10
    assert rec.removed == [(0, 0), (0, 2)]


def test_chunk_larger_than_byte_cap_is_dropped(qapp):
    model = ChunkLogModel(max_bytes=10)
    model.append_events([rx(1, b"ab")])
    rec = Recorder(model)
    model.append_events([rx(2, b"x" * 11), ev(3)])
    assert seqs(model) == [3]
    assert model.held_bytes == 0
    assert (model.dropped_rows, model.dropped_bytes) == (2, 13)
    assert rec.inserted == [(1, 1)]
    assert rec.removed == [(0, 0)]


def test_set_limits_trims_at_once(qapp):
    model = ChunkLogModel()
    model.append_events([rx(i, b"xy") for i in range(10)])
    rec = Recorder(model)
    model.set_limits(6, 1000)
    assert seqs(model) == [4, 5, 6, 7, 8, 9]
    model.set_limits(6, 5)
    assert seqs(model) == [8, 9]
    assert rec.removed == [(0, 3), (0, 3)]
    assert rec.dropped == [(4, 8), (8, 16)]
    assert (model.max_rows, model.max_bytes) == (6, 5)
    model.set_limits(100, 100)  # loosening trims nothing
    assert rec.removed == [(0, 3), (0, 3)]
    with pytest.raises(ValueError, match=r"^max_rows must be at least 1, not 0$"):
        model.set_limits(0, 10)
    with pytest.raises(ValueError, match=r"^max_bytes must not be negative, not -1$"):
        model.set_limits(10, -1)


def test_ring_buffer_compacts_and_keeps_order(qapp):
    model = ChunkLogModel(max_rows=7)
    expected: list[int] = []
    sizes: dict[int, int] = {}
    seq = 0
    for size in [3, 1, 5, 7, 2, 9, 1, 1, 4]:
        batch = [rx(seq + i, bytes(i % 3)) for i in range(size)]
        seq += size
        model.append_events(batch)
        sizes.update((c.seq, len(c.data)) for c in batch)
        expected = (expected + [c.seq for c in batch])[-7:]
        assert seqs(model) == expected
        assert model.held_bytes == sum(sizes[s] for s in expected)
        assert len(model._rows) <= 2 * 7 + size  # the head never runs away


def test_clear_resets_everything(qapp):
    model = ChunkLogModel(max_rows=2)
    model.append_events([rx(1, b"a"), rx(2, b"bb"), rx(3, b"ccc")])
    rec = Recorder(model)
    model.clear()
    assert model.rowCount() == 0
    assert (model.dropped_rows, model.dropped_bytes, model.held_bytes) == (0, 0, 0)
    assert rec.resets == 1
    assert rec.dropped == [(0, 0)]
    assert (model.max_rows, model.max_bytes) == (2, 32 * 1024 * 1024)
    model.append_events([rx(4, b"d")])
    assert seqs(model) == [4]
    assert model.held_bytes == 1


def test_empty_batch_does_nothing(model):
    rec = Recorder(model)
    model.append_events([])
    assert rec.inserted == rec.removed == rec.dropped == []


def test_appending_many_batches_is_linear(qapp):
    model = ChunkLogModel(max_rows=50_000, max_bytes=64 * 1024 * 1024)
    payload = b"\x55" * 1024
    batches = [
        [rx(b * 1000 + i, payload) for i in range(1000)] for b in range(100)
    ]  # built before timing: only the model is measured
    started = time.perf_counter()
    for batch in batches:
        model.append_events(batch)
    elapsed = time.perf_counter() - started
    assert model.rowCount() == 50_000
    assert model.dropped_rows == 50_000
    assert model.held_bytes == 50_000 * 1024
    assert model.chunk_at(0).seq == 50_000
    assert elapsed < 3.0


# -- pause buffer: the model's caps bound what waits ----------------------------------


def test_paused_model_holds_records_within_its_own_caps(qapp):
    model = ChunkLogModel(max_rows=3, max_bytes=10)
    recorder = Recorder(model)
    model.set_paused(True)
    model.append_events([rx(1, b"aaaa"), rx(2, b"bbbb"), ev(3), rx(4, b"cccc")])
    # Nothing inserted; four records (12 bytes) exceed both caps: the oldest one goes.
    assert (model.rowCount(), model.waiting) == (0, 3)
    assert (model.dropped_rows, model.dropped_bytes) == (1, 4)
    model.append_events([rx(5, b"dd")])  # four records again: the oldest goes
    assert (model.waiting, model.dropped_rows, model.dropped_bytes) == (3, 2, 8)
    # Four records, then 16 bytes: the event, then two chunks go for the byte cap.
    model.append_events([rx(6, b"eeeeeeeeee")])
    assert (model.waiting, model.dropped_rows, model.dropped_bytes) == (1, 5, 14)
    assert recorder.inserted == []
    assert recorder.dropped == [(1, 4), (2, 8), (5, 14)]
    model.set_paused(False)
    assert seqs(model) == [6]
    assert recorder.inserted == [(0, 0)]  # one insert for everything that waited
    assert model.waiting == 0


def test_set_limits_trims_what_waits(qapp):
    model = ChunkLogModel()
    model.set_paused(True)
    model.append_events([rx(i, b"x" * 100) for i in range(1, 11)])
    model.set_limits(4, 250)
    assert model.waiting == 2
    assert (model.dropped_rows, model.dropped_bytes) == (8, 800)
    model.clear()
    assert (model.waiting, model.dropped_rows, model.paused) == (0, 0, True)


def test_trimmed_rows_let_go_of_their_chunks_at_once(qapp):
    """The byte cap is a cap: a trimmed chunk is not kept alive until the next compaction."""
    import sys

    model = ChunkLogModel(max_rows=4)
    first = rx(1, b"\x00" * 1000)
    alone = sys.getrefcount(first)
    model.append_events([first, *(rx(seq, b"x") for seq in range(2, 5))])
    assert sys.getrefcount(first) == alone + 1  # the model's row
    model.append_events([rx(5, b"y")])  # trims one row: fewer than half, no compaction
    assert (model.rowCount(), model.chunk_at(0).seq) == (4, 2)
    assert sys.getrefcount(first) == alone


# -- multiData ------------------------------------------------------------------------

# What QStyledItemDelegate asks of every cell it paints, then the model's own roles.
_PAINT_ROLES = (0, 1, 6, 7, 8, 9, 10, 3, ChunkRole, IsEventRole, SegmentsRole, BandRole)


@pytest.mark.parametrize("mode", ["hex", "text", "both"])
def test_multi_data_answers_what_data_answers(model, mixed, mode):
    model.append_events(mixed)
    model.set_display_mode(mode)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in _PAINT_ROLES:
                role_data = QModelRoleData(role)
                model.multiData(index, QModelRoleDataSpan(role_data))
                assert role_data.data() == model.data(index, role), (row, column, role)


def test_multi_data_leaves_an_invalid_or_stale_index_empty(model, mixed):
    model.append_events(mixed)
    stale = model.index(6, Column.DATA)
    model.clear()
    for index in (QModelIndex(), stale):
        role_data = QModelRoleData(DISPLAY)
        model.multiData(index, QModelRoleDataSpan(role_data))
        assert role_data.data() is None


def test_a_batch_of_chunks_alone_gets_the_bands_and_byte_totals_of_the_record_loop(qapp):
    """A flood's batch is measured by loops in C; a batch with an event, in Python."""
    first = [rx(1, b"abc"), ev(2)]
    chunks = [rx(seq, b"x" * seq) for seq in range(3, 12)]
    in_bulk, by_loop = ChunkLogModel(), ChunkLogModel()
    for model in (in_bulk, by_loop):
        model.append_events(first)  # an odd chunk count so far
    in_bulk.append_events(chunks)
    by_loop.append_events([*chunks, ev(99)])  # the event sends it down the record loop
    assert bands(in_bulk) == bands(by_loop)[:-1]
    assert in_bulk._cum == by_loop._cum[:-1]  # running byte totals, for the byte cap
    assert bands(in_bulk)[2:] in ([1, 0] * 4 + [1], [0, 1] * 4 + [0])  # alternating
    capped = ChunkLogModel(max_bytes=20)
    capped.append_events(chunks)  # 3+4+...+11 bytes: only the newest that fit stay
    assert [capped.chunk_at(r).seq for r in range(capped.rowCount())] == [11]
