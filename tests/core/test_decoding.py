"""Tests for netassistant.core.decoding: per-connection framing and checksums."""

from __future__ import annotations

import struct

import pytest

from netassistant.core.checksum import ChecksumError, append_checksum
from netassistant.core.chunk import ENDING_KINDS, Chunk, ConnEvent, Direction, EventKind
from netassistant.core.decoding import DecodedMessage, DecodeError, MessageDecoder
from netassistant.core.framing import FrameSpec, Span, encode_frame, parse_frame_spec
from netassistant.core.i18n import Text
from netassistant.core.stats import SessionStats

LOCAL = "127.0.0.1:9000"
PEER_A = "127.0.0.1:50001"
PEER_B = "127.0.0.1:50002"
LENGTH = parse_frame_spec("length:!I")
assert LENGTH is not None


def rx(seq: int, data: bytes, conn: int = 1, peer: str = PEER_A, ts: int = 0) -> Chunk:
    return Chunk(seq, ts or seq * 1000, conn, Direction.RX, LOCAL, peer, data)


def cut(data: bytes, *sizes: int) -> list[bytes]:
    """Split data into pieces of the given sizes, the rest in a last piece."""
    pieces, pos = [], 0
    for size in sizes:
        pieces.append(data[pos : pos + size])
        pos += size
    pieces.append(data[pos:])
    return pieces


def test_twenty_messages_in_three_chunks():
    payloads = [f"message {i}".encode() * (i % 3 + 1) for i in range(20)]
    stream = b"".join(encode_frame(LENGTH, p) for p in payloads)
    pieces = cut(stream, 50, len(stream) // 2)
    chunks = [rx(10 + i, piece) for i, piece in enumerate(pieces)]
    decoder = MessageDecoder(LENGTH)

    out = decoder.feed(chunks)

    assert all(isinstance(m, DecodedMessage) for m in out)
    assert [m.payload for m in out] == payloads
    assert [m.index for m in out] == list(range(20))
    assert all(m.checksum_ok is None and m.expected == m.found == b"" for m in out)
    # The spans cover the stream exactly once, in order, with no gap or overlap.
    covered = [(s.chunk_seq, s.start, s.end) for m in out for s in m.spans]
    position = {10: 0, 11: 0, 12: 0}
    for seq, start, end in covered:
        assert start == position[seq]
        position[seq] = end
    assert position == {10 + i: len(piece) for i, piece in enumerate(pieces)}
    for m in out:
        assert sum(s.length for s in m.spans) == len(m.frame) == 4 + len(m.payload)
        rebuilt = b"".join(pieces[s.chunk_seq - 10][s.start : s.end] for s in m.spans)
        assert rebuilt == m.frame
        assert m.last_chunk_length == len(pieces[m.spans[-1].chunk_seq - 10])
        assert m.ts_ns == m.spans[-1].chunk_seq * 1000
        assert (m.conn_id, m.peer) == (1, PEER_A)
    assert decoder.pending(1) == 0


def test_one_message_split_over_five_chunks():
    frame = encode_frame(LENGTH, b"0123456789" * 3)
    pieces = cut(frame, 2, 5, 10, 10)
    decoder = MessageDecoder(LENGTH)
    outs, pending = [], []
    for seq, piece in enumerate(pieces, start=1):
        outs.append(decoder.feed([rx(seq, piece)]))
        pending.append(decoder.pending(1))

    assert outs[:4] == [[], [], [], []]
    assert pending == [2, 7, 17, 27, 0]
    (message,) = outs[4]
    assert message.payload == b"0123456789" * 3
    assert message.spans == (
        Span(1, 0, 2),
        Span(2, 0, 5),
        Span(3, 0, 10),
        Span(4, 0, 10),
        Span(5, 0, 7),
    )
    assert message.chunk_seqs == (1, 2, 3, 4, 5)
    assert message.last_chunk_length == 7


def test_pending_counts_the_unfinished_message():
    decoder = MessageDecoder(LENGTH)
    decoder.feed([rx(1, encode_frame(LENGTH, b"abcdef")[:7])])
    assert decoder.pending(1) == 7
    assert decoder.pending(2) == 0
    decoder.reset()
    assert decoder.pending(1) == 0


def test_connections_are_decoded_separately():
    a = [encode_frame(LENGTH, b"A%d" % i) for i in range(3)]
    b = [encode_frame(LENGTH, b"B%d" % i * 4) for i in range(3)]
    stream_a, stream_b = b"".join(a), b"".join(b)
    # Interleave 5-byte pieces of both connections.
    events = []
    seq = 1
    for pos in range(0, max(len(stream_a), len(stream_b)), 5):
        for conn, stream, peer in ((1, stream_a, PEER_A), (2, stream_b, PEER_B)):
            if stream[pos : pos + 5]:
                events.append(rx(seq, stream[pos : pos + 5], conn=conn, peer=peer))
                seq += 1
    out = MessageDecoder(LENGTH).feed(events)

    by_conn = {1: [], 2: []}
    for m in out:
        assert isinstance(m, DecodedMessage)
        by_conn[m.conn_id].append((m.index, m.payload, m.peer))
    assert by_conn[1] == [(i, b"A%d" % i, PEER_A) for i in range(3)]
    assert by_conn[2] == [(i, b"B%d" % i * 4, PEER_B) for i in range(3)]


def test_udp_peers_on_connection_zero_are_kept_apart():
    spec = parse_frame_spec("delimiter:\\n")
    assert spec is not None
    out = MessageDecoder(spec).feed(
        [rx(1, b"he", 0, PEER_A), rx(2, b"wo", 0, PEER_B), rx(3, b"y\n", 0, PEER_A)]
    )
    assert [(m.peer, m.payload) for m in out] == [(PEER_A, b"hey")]


def test_tx_chunks_and_other_events_are_ignored():
    tx = Chunk(1, 0, 1, Direction.TX, LOCAL, PEER_A, encode_frame(LENGTH, b"sent"))
    accepted = ConnEvent(2, 0, EventKind.ACCEPTED, 1, LOCAL, PEER_A)
    assert MessageDecoder(LENGTH).feed([tx, accepted]) == []


# -- checksums -------------------------------------------------------------------------


def test_crc16_modbus_ok_and_mismatch():
    payloads = [b"\x01\x03\x00\x00\x00\x0a", b"hello", b"world"]
    frames = [encode_frame(LENGTH, append_checksum("crc16-modbus", p)) for p in payloads]
    bad = bytearray(frames[1])
    bad[6] ^= 0xFF  # corrupt a payload byte of "hello"
    frames[1] = bytes(bad)
    decoder = MessageDecoder(LENGTH, checksum="crc16-modbus")

    out = decoder.feed([rx(1, b"".join(frames))])

    assert [m.payload for m in out] == [payloads[0], b"he\x93lo", payloads[2]]
    assert [m.checksum_ok for m in out] == [True, False, True]
    good = out[0]
    assert good.expected == good.found == bytes.fromhex("C5CD")  # CRC low byte first
    assert good.frame == frames[0]
    mismatch = out[1]
    assert mismatch.found == append_checksum("crc16-modbus", b"hello")[-2:]
    assert mismatch.expected == append_checksum("crc16-modbus", b"he\x93lo")[-2:]
    assert mismatch.expected != mismatch.found


def test_checksum_big_endian_override():
    payload = append_checksum("crc16-modbus", b"abc", "big")
    out = MessageDecoder(LENGTH, "crc16-modbus", "big").feed([rx(1, encode_frame(LENGTH, payload))])
    assert (out[0].payload, out[0].checksum_ok) == (b"abc", True)


def test_message_shorter_than_the_checksum():
    out = MessageDecoder(LENGTH, "crc32").feed([rx(1, encode_frame(LENGTH, b"ab"))])
    (m,) = out
    assert (m.payload, m.checksum_ok, m.expected, m.found) == (b"", False, b"", b"ab")


def test_unknown_checksum_fails_at_once():
    with pytest.raises(ChecksumError, match="unknown checksum 'crc99'"):
        MessageDecoder(LENGTH, "crc99")
    with pytest.raises(ValueError, match="byteorder must be"):
        MessageDecoder(LENGTH, "crc32", "middle")


def test_without_framing_each_chunk_is_a_message_with_its_checksum():
    decoder = MessageDecoder(None, "sum8")
    out = decoder.feed([rx(1, append_checksum("sum8", b"ping")), rx(2, b"pong\x00")])
    assert [(m.index, m.payload, m.checksum_ok) for m in out] == [
        (0, b"ping", True),
        (1, b"pong", False),
    ]
    assert out[0].spans == (Span(1, 0, 5),)
    assert out[0].last_chunk_length == 5
    assert decoder.pending(1) == 0


# -- errors ----------------------------------------------------------------------------


def test_length_over_the_maximum_is_a_decode_error():
    spec = FrameSpec("length", fmt="!I", max_length=16)
    decoder = MessageDecoder(spec)
    good = encode_frame(spec, b"fine")
    too_long = struct.pack("!I", 20) + b"x" * 20
    out = decoder.feed([rx(1, good + too_long[:10]), rx(2, too_long[10:] + good)])

    assert len(out) == 3
    assert isinstance(out[0], DecodedMessage)
    error = out[1]
    assert isinstance(error, DecodeError)
    assert error.message == ("length 20 exceeds the maximum 16 bytes; skipping its 20-byte payload")
    assert error.spans == (Span(1, 8, 12),)
    assert error.length == 4
    assert (error.conn_id, error.peer, error.ts_ns, error.last_chunk_length) == (
        1,
        PEER_A,
        1000,
        18,
    )
    # The announced payload is skipped, and the frame after it decodes.
    assert isinstance(out[2], DecodedMessage)
    assert (out[2].index, out[2].payload, out[2].spans) == (1, b"fine", (Span(2, 14, 22),))


def test_connection_end_reports_an_unfinished_message():
    decoder = MessageDecoder(LENGTH)
    frame = encode_frame(LENGTH, b"abcdef")
    closed = ConnEvent(3, 5000, EventKind.CLOSED, 1, LOCAL, PEER_A)
    out = decoder.feed([rx(1, frame[:3]), rx(2, frame[3:8]), closed])
    (error,) = out
    assert isinstance(error, DecodeError)
    assert error.message == (
        "the connection ended with 8 bytes of an unfinished message; dropping them"
    )
    assert isinstance(error.message, Text), "the window translates it"
    assert error.spans == (Span(1, 0, 3), Span(2, 0, 5))
    assert (error.ts_ns, error.last_chunk_length) == (5000, 5)
    assert decoder.pending(1) == 0
    # A later connection with the same id starts from message 0.
    again = decoder.feed([rx(4, frame)])
    assert [(m.index, m.payload) for m in again] == [(0, b"abcdef")]


def test_stop_reports_every_unfinished_message():
    decoder = MessageDecoder(LENGTH)
    stopped = ConnEvent(9, 0, EventKind.STOPPED)
    out = decoder.feed([rx(1, b"\x00", 1), rx(2, b"\x00\x00", 2, PEER_B), stopped])
    assert [(e.conn_id, e.message) for e in out] == [
        (1, "the session stopped with 1 byte of an unfinished message; dropping them"),
        (2, "the session stopped with 2 bytes of an unfinished message; dropping them"),
    ]


@pytest.mark.parametrize("kind", list(EventKind), ids=lambda kind: kind.value)
def test_decoder_and_counters_agree_on_which_events_end_a_connection(kind: EventKind):
    # One constant decides both: the decoder drops the stream, the client table the client.
    decoder = MessageDecoder(LENGTH)
    stats = SessionStats()
    opened = ConnEvent(1, 0, EventKind.ACCEPTED, 1, LOCAL, PEER_A)
    stats.apply([opened])
    decoder.feed([rx(2, b"\x00")])
    event = ConnEvent(3, 0, kind, 1, LOCAL, PEER_A)
    out = decoder.feed([event])
    stats.apply([event])
    ended = kind in ENDING_KINDS
    assert ended == (
        kind in {EventKind.CLOSED, EventKind.RESET, EventKind.LOCAL_CLOSE, EventKind.ABORTED}
    )
    assert (1 not in stats.clients) == (ended or kind is EventKind.STOPPED)
    assert [e.message for e in out] == (
        ["the connection ended with 1 byte of an unfinished message; dropping them"]
        if ended
        else ["the session stopped with 1 byte of an unfinished message; dropping them"]
        if kind is EventKind.STOPPED
        else []
    )


def test_clean_close_reports_nothing():
    decoder = MessageDecoder(LENGTH)
    closed = ConnEvent(2, 0, EventKind.RESET, 1, LOCAL, PEER_A)
    out = decoder.feed([rx(1, encode_frame(LENGTH, b"x")), closed])
    assert [type(m) for m in out] == [DecodedMessage]
