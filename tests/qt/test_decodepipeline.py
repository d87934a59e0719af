"""Tests for netassistant.qt.decodepipeline: decoder + model + counters of a pane."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt

from netassistant.core.checksum import ChecksumError, append_checksum
from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.decoding import DecodedMessage, DecodeError
from netassistant.core.framing import FramingError, Span, encode_frame, parse_frame_spec
from netassistant.core.stats import SessionState
from netassistant.qt.decodepipeline import DecodePipeline
from netassistant.qt.models.messagemodel import ERROR_COLOR, MESSAGE_COLOR, MessageColumn
from netassistant.qt.session import SessionController
from tests.helpers import TIMEOUT
from tests.qt.decoding import LocalDecodePipeline

LOCAL = "127.0.0.1:9000"
PEER = "127.0.0.1:50001"
WAIT_MS = int(TIMEOUT * 1000)
LENGTH = parse_frame_spec("length:!I")
assert LENGTH is not None


def rx(seq: int, data: bytes, conn: int = 1) -> Chunk:
    return Chunk(seq, seq * 1000, conn, Direction.RX, LOCAL, PEER, data)


def tx(seq: int, data: bytes, conn: int = 1) -> Chunk:
    return Chunk(seq, seq * 1000, conn, Direction.TX, LOCAL, PEER, data)


def ev(seq: int, kind: EventKind, conn: int = 1) -> ConnEvent:
    return ConnEvent(seq, seq * 1000, kind, conn, LOCAL, PEER)


def column(pipeline: DecodePipeline, col: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    model = pipeline.model
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


@pytest.fixture
def pipeline(qapp) -> DecodePipeline:
    return LocalDecodePipeline()


def test_starts_disabled_and_feed_is_a_no_op(pipeline, qtbot):
    assert not pipeline.enabled
    with qtbot.assertNotEmitted(pipeline.stats_changed):
        pipeline.feed([rx(1, b"\0\0\0\1x")])
    assert pipeline.model.rowCount() == 0
    assert (pipeline.messages, pipeline.errors, pipeline.checksum_failures) == (0, 0, 0)
    pipeline.configure("", None, None)
    assert not pipeline.enabled


PAYLOADS = [b"msg-%02d" % i for i in range(20)]
STREAM = b"".join(encode_frame(LENGTH, p) for p in PAYLOADS)  # 20 frames of 10 bytes
CHUNKS = [rx(10, STREAM[:45]), rx(11, STREAM[45:120]), rx(12, STREAM[120:])]
FROM_CHUNKS = [
    "chunk 10 [0:10]",
    "chunk 10 [10:20]",
    "chunk 10 [20:30]",
    "chunk 10 [30:40]",
    "chunks 10[40:]–11[:5]",
    "chunk 11 [5:15]",
    "chunk 11 [15:25]",
    "chunk 11 [25:35]",
    "chunk 11 [35:45]",
    "chunk 11 [45:55]",
    "chunk 11 [55:65]",
    "chunk 11 [65:75]",
    "chunk 12 [0:10]",
    "chunk 12 [10:20]",
    "chunk 12 [20:30]",
    "chunk 12 [30:40]",
    "chunk 12 [40:50]",
    "chunk 12 [50:60]",
    "chunk 12 [60:70]",
    "chunk 12 [70:80]",
]


def test_three_chunks_with_twenty_messages_give_twenty_rows(pipeline, qtbot):
    pipeline.configure("length:!I", None, None)
    assert pipeline.enabled
    pending = []
    for chunk in CHUNKS:
        with qtbot.waitSignal(pipeline.stats_changed, timeout=100):
            pipeline.feed([chunk])
        pending.append(pipeline.pending_total())
    assert pending == [5, 0, 0]
    model = pipeline.model
    assert model.rowCount() == 20
    assert [model.item_at(row).payload for row in range(20)] == PAYLOADS
    assert column(pipeline, MessageColumn.CHUNKS) == FROM_CHUNKS
    assert column(pipeline, MessageColumn.INDEX) == [str(i) for i in range(20)]
    assert column(pipeline, MessageColumn.LEN) == ["6"] * 20
    assert model.item_at(4).spans == (Span(10, 40, 45), Span(11, 0, 5))
    assert (pipeline.messages, pipeline.errors, pipeline.checksum_failures) == (20, 0, 0)


def test_tx_chunks_and_events_in_a_batch_are_skipped(pipeline):
    pipeline.configure("length:!I", None, None)
    batch = [ev(1, EventKind.ACCEPTED), tx(2, STREAM[:30]), *CHUNKS, tx(13, b"\0\0\0\0")]
    pipeline.feed(batch)
    assert pipeline.model.rowCount() == 20
    assert column(pipeline, MessageColumn.CHUNKS) == FROM_CHUNKS


def test_checksum_mismatch_row_is_marked(pipeline):
    pipeline.configure("length:!H", "crc16-modbus", None)
    spec = parse_frame_spec("length:!H")
    frames = [encode_frame(spec, append_checksum("crc16-modbus", p)) for p in (b"a", b"b", b"c")]
    bad = bytearray(frames[1])
    bad[2] ^= 0xFF  # the payload byte: the CRC no longer matches
    pipeline.feed([rx(1, frames[0] + bytes(bad) + frames[2])])
    assert column(pipeline, MessageColumn.CHECKSUM) == ["ok", "MISMATCH", "ok"]
    colours = column(pipeline, MessageColumn.DATA, Qt.ItemDataRole.ForegroundRole)
    assert colours == [MESSAGE_COLOR, ERROR_COLOR, MESSAGE_COLOR]
    assert [pipeline.model.item_at(r).payload for r in range(3)] == [
        b"a",
        bytes([ord("b") ^ 0xFF]),
        b"c",
    ]
    assert (pipeline.messages, pipeline.errors, pipeline.checksum_failures) == (3, 0, 1)


def test_checksum_without_framing_checks_each_chunk(pipeline):
    pipeline.configure("", "sum8", None)
    assert pipeline.enabled
    assert pipeline.spec_text == ""
    pipeline.feed([rx(1, append_checksum("sum8", b"one")), rx(2, b"two\0")])
    assert column(pipeline, MessageColumn.CHUNKS) == ["chunk 1", "chunk 2"]
    assert column(pipeline, MessageColumn.CHECKSUM) == ["ok", "MISMATCH"]
    assert pipeline.checksum_failures == 1


def test_configure_resets_decoder_model_and_counters(pipeline, qtbot):
    pipeline.configure("length:!I", "sum8", "big")
    pipeline.feed([rx(1, encode_frame(LENGTH, append_checksum("sum8", b"x")) + b"\0\0")])
    assert (pipeline.model.rowCount(), pipeline.messages, pipeline.pending_total()) == (1, 1, 2)
    with qtbot.waitSignal(pipeline.stats_changed, timeout=100):
        pipeline.configure("length:!I", None, None)
    assert (pipeline.model.rowCount(), pipeline.messages, pipeline.pending_total()) == (0, 0, 0)
    assert (pipeline.checksum, pipeline.checksum_order) == (None, None)
    # The two buffered bytes are gone: the next frame decodes from its own header.
    pipeline.feed([rx(2, encode_frame(LENGTH, b"fresh"))])
    assert pipeline.model.rowCount() == 1
    item = pipeline.model.item_at(0)
    assert isinstance(item, DecodedMessage)
    assert (item.index, item.payload, item.checksum_ok) == (0, b"fresh", None)


@pytest.mark.parametrize(
    ("spec", "checksum", "order", "error"),
    [
        ("length:!II", None, None, FramingError),
        ("length:!I", "crc99", None, ChecksumError),
        ("length:!I", "crc32", "middle", ValueError),
    ],
)
def test_bad_configuration_raises_and_changes_nothing(pipeline, spec, checksum, order, error):
    pipeline.configure("fixed:2", None, None)
    pipeline.feed([rx(1, b"abc")])
    with pytest.raises(error):
        pipeline.configure(spec, checksum, order)
    assert pipeline.spec_text == "fixed:2"
    assert (pipeline.model.rowCount(), pipeline.pending_total()) == (1, 1)


def test_clear_keeps_a_message_under_way(pipeline):
    pipeline.configure("length:!I", None, None)
    frame = encode_frame(LENGTH, b"hello")
    pipeline.feed([rx(1, encode_frame(LENGTH, b"first") + frame[:6])])
    pipeline.clear()
    assert (pipeline.model.rowCount(), pipeline.messages, pipeline.pending_total()) == (0, 0, 6)
    pipeline.feed([rx(2, frame[6:])])
    assert [pipeline.model.item_at(0).payload] == [b"hello"]
    assert column(pipeline, MessageColumn.CHUNKS) == ["chunks 1[9:]–2"]
    assert pipeline.messages == 1


def test_pending_total_adds_up_connections_and_ends_with_them(pipeline):
    pipeline.configure("delimiter:\\n", None, None)
    pipeline.feed([rx(1, b"abc", conn=1), rx(2, b"de", conn=2), rx(3, b"x\ny", conn=3)])
    assert pipeline.pending_total() == 3 + 2 + 1
    pipeline.feed([ev(4, EventKind.CLOSED, conn=2)])
    assert pipeline.pending_total() == 4
    assert pipeline.errors == 1
    error = pipeline.model.item_at(1)
    assert isinstance(error, DecodeError)
    assert error.conn_id == 2
    pipeline.feed([ev(5, EventKind.STOPPED, conn=0)])
    assert pipeline.pending_total() == 0
    assert (pipeline.messages, pipeline.errors) == (1, 3)


def test_real_loopback_session_split_into_tiny_recvs(qtbot):
    """A real server reading 7 bytes per recv(): every message is split (拆包).

    The session's core pipeline cuts the messages in the engine thread; the pane's
    DecodePipeline only shows them.
    """
    controller = SessionController()
    pipeline = DecodePipeline(controller)
    try:
        pipeline.configure("length:!I", None, None)
        rx_chunks: list[Chunk] = []
        controller.decoded_received.connect(pipeline.feed)
        controller.events_received.connect(
            lambda batch: rx_chunks.extend(
                e for e in batch if isinstance(e, Chunk) and e.direction is Direction.RX
            )
        )
        controller.start(SessionConfig(kind=Kind.TCP_SERVER, recv_size=7).validate())
        qtbot.waitUntil(lambda: controller.state is SessionState.LISTENING, timeout=WAIT_MS)
        with socket.create_connection(("127.0.0.1", controller.local_port), timeout=TIMEOUT) as c:
            c.sendall(STREAM)  # 粘包 too: twenty frames in one send
            qtbot.waitUntil(lambda: pipeline.messages == 20, timeout=WAIT_MS)
    finally:
        assert controller.shutdown()
    model = pipeline.model
    assert [model.item_at(row).payload for row in range(20)] == PAYLOADS
    assert b"".join(chunk.data for chunk in rx_chunks) == STREAM
    by_seq = {chunk.seq: chunk.data for chunk in rx_chunks}
    for row in range(20):
        item = model.item_at(row)
        assert len(item.chunk_seqs) >= 2, "10-byte frames never fit one 7-byte recv()"
        rebuilt = b"".join(by_seq[s.chunk_seq][s.start : s.end] for s in item.spans)
        assert rebuilt == item.frame
    assert (pipeline.errors, pipeline.pending_total()) == (0, 0)
