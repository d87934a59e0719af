"""Tests for netassistant.core.framing.decoders: decoders, spans and recovery."""

from __future__ import annotations

import struct
import time
import tracemalloc

import pytest

from netassistant.core.framing import (
    FrameErrorRecord,
    FrameSpec,
    Message,
    Span,
    encode_frame,
    encode_frames,
    make_decoder,
    parse_frame_spec,
)
from tests.core.framing.helpers import CRLF, decode, payloads_of

TOO_LONG_4 = (
    "no delimiter within the maximum 4 bytes; dropping the message up to the next delimiter"
)

# --- delimiter decoding -----------------------------------------------------------------------


def test_delimiter_split_across_feeds() -> None:
    decoder = make_decoder(CRLF)
    assert decoder.feed(b"hello\r", 1) == []
    assert decoder.pending == 6
    assert decoder.pending_spans() == (Span(1, 0, 6),)
    assert decoder.feed(b"\nworld\r\nx", 2) == [
        Message(0, b"hello", b"hello\r\n", (Span(1, 0, 6), Span(2, 0, 1))),
        Message(1, b"world", b"world\r\n", (Span(2, 1, 8),)),
    ]
    assert decoder.pending == 1
    assert decoder.pending_spans() == (Span(2, 8, 9),)


def test_delimiter_one_byte_at_a_time() -> None:
    data = b"ab\r\n\r\nc\r\n"
    records = decode(CRLF, *(data[i : i + 1] for i in range(len(data))))
    assert payloads_of(records) == [b"ab", b"", b"c"]
    first = records[0]
    assert isinstance(first, Message)
    assert first.spans == (Span(1, 0, 1), Span(2, 0, 1), Span(3, 0, 1), Span(4, 0, 1))
    assert first.chunk_seqs == (1, 2, 3, 4)


def test_delimiter_keep() -> None:
    spec = FrameSpec("delimiter", delimiter=b";", keep_delimiter=True)
    assert decode(spec, b"a;b;;") == [
        Message(0, b"a;", b"a;", (Span(1, 0, 2),)),
        Message(1, b"b;", b"b;", (Span(1, 2, 4),)),
        Message(2, b";", b";", (Span(1, 4, 5),)),
    ]


def test_delimiter_self_overlapping_is_cut_at_first_occurrence() -> None:
    spec = FrameSpec("delimiter", delimiter=b"==")
    assert payloads_of(decode(spec, b"a=", b"=b===")) == [b"a", b"b"]


def test_delimiter_message_longer_than_max_is_dropped_up_to_its_delimiter() -> None:
    spec = FrameSpec("delimiter", delimiter=b"\n", max_length=4)
    decoder = make_decoder(spec)
    assert decoder.feed(b"abc", 1) == []
    assert decoder.feed(b"defgh\nxy\n", 2) == [
        FrameErrorRecord(TOO_LONG_4, (Span(1, 0, 3), Span(2, 0, 2))),
        Message(0, b"xy", b"xy\n", (Span(2, 6, 9),)),
    ]
    # The error's 5 bytes plus "fgh\n" dropped after it.
    assert decoder.discarded == 9
    assert decoder.pending == 0


@pytest.mark.parametrize("split", ["whole", "bytes", "3+rest"])
def test_delimiter_over_long_message_gives_the_same_result_for_any_split(split: str) -> None:
    # Issue 9: "abcdefgh\nxy\n" with max=4 once gave an error and "xy" in one piece but a
    # phantom message "fgh" when fed byte by byte.
    spec = parse_frame_spec("delimiter-hex:0a:max=4")
    assert spec is not None
    data = b"abcdefgh\nxy\n"
    pieces = {
        "whole": [data],
        "bytes": [data[i : i + 1] for i in range(len(data))],
        "3+rest": [data[:3], data[3:]],
    }[split]
    records = decode(spec, *pieces)
    assert [
        (type(r).__name__, r.message if isinstance(r, FrameErrorRecord) else r.payload)
        for r in records
    ] == [
        ("FrameErrorRecord", TOO_LONG_4),
        ("Message", b"xy"),
    ]
    assert sum(s.length for s in records[0].spans) == 5


def test_delimiter_never_sent_is_dropped_as_it_arrives() -> None:
    spec = FrameSpec("delimiter", delimiter=b"\r\n", max_length=8)
    decoder = make_decoder(spec)
    # 9 bytes: the last one may start a "\r\n", so the payload could still be 8 bytes.
    assert decoder.feed(b"012345678", 1) == []
    assert decoder.feed(b"9", 2) == [
        FrameErrorRecord(
            "no delimiter within the maximum 8 bytes; dropping the message up to the next delimiter",
            (Span(1, 0, 9),),
        )
    ]
    # Nothing of the over-long message is buffered while it goes on.
    for seq in range(3, 1003):
        assert decoder.feed(b"x" * 100 + b"\r", seq) == []
        assert decoder.pending == 0
    assert decoder.feed(b"\nok\r\n", 1003) == [Message(0, b"ok", b"ok\r\n", (Span(1003, 1, 5),))]
    assert decoder.discarded == 10 + 1000 * 101 + 1
    assert decoder.pending == 0


def test_delimiter_split_between_dropped_and_kept_bytes() -> None:
    # The delimiter "\r\n" starts in the last byte the error covers the 9th byte; a delimiter
    # starting at the 9th byte would end an 8-byte message.
    spec = FrameSpec("delimiter", delimiter=b"\r\n", max_length=8)
    assert [
        r.payload if isinstance(r, Message) else r.message for r in decode(spec, b"01234567\r\n")
    ] == [b"01234567"]
    records = decode(spec, b"012345678\r", b"\nok\r\n")
    assert [type(r) for r in records] == [FrameErrorRecord, Message]
    assert records[1] == Message(0, b"ok", b"ok\r\n", (Span(2, 1, 5),))


# --- fixed decoding ---------------------------------------------------------------------------


def test_fixed_frames_and_leftover() -> None:
    decoder = make_decoder(FrameSpec("fixed", size=4))
    assert decoder.feed(b"abcdefg", 1) == [Message(0, b"abcd", b"abcd", (Span(1, 0, 4),))]
    assert decoder.pending == 3
    assert decoder.pending_spans() == (Span(1, 4, 7),)
    assert decoder.feed(b"hij", 2) == [
        Message(1, b"efgh", b"efgh", (Span(1, 4, 7), Span(2, 0, 1))),
    ]
    assert decoder.pending == 2
    assert decoder.pending_spans() == (Span(2, 1, 3),)


# --- length-prefix decoding -------------------------------------------------------------------


def test_length_three_frames_in_one_chunk() -> None:
    # The 粘包 case: three sends arrive as one recv().
    spec = FrameSpec("length", fmt="!I")
    chunk = encode_frames(spec, [b"hello", b"world", b"again"])
    assert len(chunk) == 27
    records = make_decoder(spec).feed(chunk, 7)
    assert [r.spans for r in records] == [
        (Span(7, 0, 9),),
        (Span(7, 9, 18),),
        (Span(7, 18, 27),),
    ]
    assert records == [
        Message(0, b"hello", b"\0\0\0\x05hello", (Span(7, 0, 9),)),
        Message(1, b"world", b"\0\0\0\x05world", (Span(7, 9, 18),)),
        Message(2, b"again", b"\0\0\0\x05again", (Span(7, 18, 27),)),
    ]


def test_length_one_frame_over_three_chunks() -> None:
    spec = FrameSpec("length", fmt="!I")
    frame = b"\0\0\0\x0a0123456789"
    decoder = make_decoder(spec)
    assert decoder.feed(frame[:3], 10) == []
    assert decoder.pending == 3
    assert decoder.feed(frame[3:8], 11) == []
    assert decoder.pending_spans() == (Span(10, 0, 3), Span(11, 0, 5))
    assert decoder.feed(frame[8:] + b"\0", 12) == [
        Message(0, b"0123456789", frame, (Span(10, 0, 3), Span(11, 0, 5), Span(12, 0, 6))),
    ]
    assert decoder.pending == 1
    assert decoder.pending_spans() == (Span(12, 6, 7),)


@pytest.mark.parametrize(
    ("fmt", "counted", "frame"),
    [
        ("!I", False, b"\0\0\0\x03abc"),
        (">I", True, b"\0\0\0\x07abc"),
        ("<H", False, b"\x03\0abc"),
        ("<H", True, b"\x05\0abc"),
        ("!H", False, b"\0\x03abc"),
        ("B", False, b"\x03abc"),
        ("B", True, b"\x04abc"),
        ("<Q", False, b"\x03" + b"\0" * 7 + b"abc"),
    ],
)
def test_length_formats(fmt: str, counted: bool, frame: bytes) -> None:
    spec = FrameSpec("length", fmt=fmt, header_counted=counted)
    assert encode_frame(spec, b"abc") == frame
    records = decode(spec, frame + frame[:2])
    assert records == [Message(0, b"abc", frame, (Span(1, 0, len(frame)),))]


def test_length_empty_payload() -> None:
    spec = FrameSpec("length", fmt="<H", header_counted=True)
    assert payloads_of(decode(spec, b"\x02\0\x02\0", b"\x03\0x")) == [b"", b"", b"x"]


def test_length_over_max_skips_the_announced_payload() -> None:
    spec = FrameSpec("length", fmt="!I")
    decoder = make_decoder(spec)
    assert decoder.feed(struct.pack("!I", 5_000_000), 1) == [
        FrameErrorRecord(
            "length 5000000 exceeds the maximum 1048576 bytes; skipping its 5000000-byte payload",
            (Span(1, 0, 4),),
        )
    ]
    assert decoder.pending == 0
    assert decoder.pending_spans() == ()
    # The payload is skipped as it arrives, never buffered ...
    for seq in range(2, 52):
        assert decoder.feed(b"\0" * 100_000, seq) == []
        assert decoder.pending == 0
    # ... and the next frame after it decodes: the stream stayed in step.
    assert decoder.feed(encode_frames(spec, [b"a", b"bc"]), 52) == [
        Message(0, b"a", b"\0\0\0\x01a", (Span(52, 0, 5),)),
        Message(1, b"bc", b"\0\0\0\x02bc", (Span(52, 5, 11),)),
    ]
    assert decoder.discarded == 4 + 5_000_000


def test_length_skip_inside_one_chunk() -> None:
    spec = FrameSpec("length", fmt="<H", max_length=10)
    decoder = make_decoder(spec)
    good = encode_frame(spec, b"ok")
    records = decoder.feed(good + b"\x0b\0" + b"x" * 11 + good, 3)
    assert records == [
        Message(0, b"ok", good, (Span(3, 0, 4),)),
        FrameErrorRecord(
            "length 11 exceeds the maximum 10 bytes; skipping its 11-byte payload",
            (Span(3, 4, 6),),
        ),
        Message(1, b"ok", good, (Span(3, 17, 21),)),
    ]
    assert decoder.discarded == 13


def test_length_huge_header_then_zeros_is_one_error() -> None:
    # Issue 9: a 4 GiB length followed by 8 MiB of zeros once gave 1,048,576 phantom
    # empty messages (the zeros read as headers); now the payload is skipped.
    spec = FrameSpec("length", fmt="!I")
    decoder = make_decoder(spec)
    records = decoder.feed(struct.pack("!I", 2**32 - 1), 1)
    for seq in range(2, 2 + 128):
        records += decoder.feed(bytes(65536), seq)
    assert [r.message for r in records if isinstance(r, FrameErrorRecord)] == [
        "length 4294967295 exceeds the maximum 1048576 bytes; skipping its 4294967295-byte payload"
    ]
    assert len(records) == 1
    assert decoder.discarded == 4 + 8 * 1024 * 1024
    assert decoder.pending == 0


OUT_OF_STEP = "the stream is out of step, so the rest of this connection is not decoded"


def test_length_counted_smaller_than_header_stops_decoding() -> None:
    spec = FrameSpec("length", fmt="!I", header_counted=True)
    decoder = make_decoder(spec)
    assert decoder.feed(b"\0\0\0\x02" + encode_frame(spec, b"lost"), 1) == [
        FrameErrorRecord(
            f"length 2 is smaller than the 4-byte header; {OUT_OF_STEP}",
            (Span(1, 0, 4),),
        )
    ]
    # Whatever follows could be anything: it is dropped, not read as frames.
    assert decoder.feed(encode_frame(spec, b"also lost"), 2) == []
    assert (decoder.pending, decoder.discarded) == (0, 4 + 8 + 13)
    decoder.reset()
    assert payloads_of(decoder.feed(encode_frame(spec, b"new"), 3)) == [b"new"]


def test_length_counted_payload_over_max() -> None:
    spec = FrameSpec("length", fmt="B", header_counted=True, max_length=3)
    assert payloads_of(decode(spec, b"\x04abc")) == [b"abc"]
    records = decode(spec, b"\x05a", b"bcd\x01")
    assert records == [
        FrameErrorRecord(
            "length 5 (4-byte payload) exceeds the maximum 3 bytes; skipping its 4-byte payload",
            (Span(1, 0, 1),),
        ),
        Message(0, b"", b"\x01", (Span(2, 3, 4),)),
    ]


def test_length_negative_signed_header_stops_decoding() -> None:
    spec = FrameSpec("length", fmt="!b")
    assert decode(spec, b"\xff\x01a") == [
        FrameErrorRecord(f"length -1 is negative; {OUT_OF_STEP}", (Span(1, 0, 1),))
    ]


def test_length_announced_size_is_never_preallocated() -> None:
    # A huge but allowed length must only wait for bytes, not reserve room for them.
    spec = FrameSpec("length", fmt="!Q", max_length=2**30)
    decoder = make_decoder(spec)
    tracemalloc.start()
    try:
        assert decoder.feed(struct.pack("!Q", 2**30) + b"abc", 1) == []
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
    assert decoder.pending == 11


# --- common behaviour -------------------------------------------------------------------------


def test_reset_forgets_buffer_and_restarts_index() -> None:
    decoder = make_decoder(FrameSpec("delimiter", delimiter=b"\n"))
    assert payloads_of(decoder.feed(b"a\nb", 1)) == [b"a"]
    decoder.reset()
    assert decoder.pending == 0
    assert decoder.pending_spans() == ()
    assert decoder.feed(b"c\n", 2) == [Message(0, b"c", b"c\n", (Span(2, 0, 2),))]


def test_empty_feed_is_a_no_op() -> None:
    decoder = make_decoder(FrameSpec("fixed", size=2))
    assert decoder.feed(b"", 1) == []
    assert decoder.pending_spans() == ()


def test_same_seq_fed_in_pieces_continues_offsets() -> None:
    decoder = make_decoder(FrameSpec("fixed", size=3))
    assert decoder.feed(b"ab", 5) == []
    assert decoder.feed(b"cd", 5) == [Message(0, b"abc", b"abc", (Span(5, 0, 3),))]
    assert decoder.pending_spans() == (Span(5, 3, 4),)
    assert decoder.feed(b"ef", 6)[0].spans == (Span(5, 3, 4), Span(6, 0, 2))


def test_records_are_frozen() -> None:
    message = Message(0, b"", b"\n", (Span(1, 0, 1),))
    with pytest.raises(AttributeError, match="cannot assign to field 'index'"):
        message.index = 1  # type: ignore[misc]
    assert Span(1, 2, 5).length == 3
    error = FrameErrorRecord("x", (Span(1, 0, 1), Span(2, 0, 1), Span(2, 1, 2)))
    assert error.chunk_seqs == (1, 2)


# --- performance ------------------------------------------------------------------------------


def test_delimiter_never_found_is_linear() -> None:
    # Every byte is "\r", the start of the delimiter: re-scanning the whole buffer on each
    # feed would take minutes here; remembering the scan position takes milliseconds.
    spec = FrameSpec("delimiter", delimiter=b"\r\n", max_length=64 * 1024 * 1024)
    decoder = make_decoder(spec)
    piece = b"\r" * 1024
    started = time.perf_counter()
    for seq in range(10 * 1024):
        assert decoder.feed(piece, seq) == []
        # Checked as it goes, so a quadratic decoder fails in seconds rather than hanging.
        assert time.perf_counter() - started < 2.0, f"too slow after {seq + 1} KiB"
    assert decoder.pending == 10 * 1024 * 1024
