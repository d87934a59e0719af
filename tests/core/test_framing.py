"""Tests for netassistant.core.framing: spec strings, decoders, spans and encoders."""

from __future__ import annotations

import itertools
import struct
import time
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netassistant.core.framing import (
    DEFAULT_MAX_LENGTH,
    FrameErrorRecord,
    FrameSpec,
    FramingError,
    Message,
    Span,
    encode_frame,
    encode_frames,
    format_frame_spec,
    make_decoder,
    parse_frame_spec,
)

CRLF = FrameSpec("delimiter", delimiter=b"\r\n")


def decode(spec: FrameSpec, *pieces: bytes) -> list[Message | FrameErrorRecord]:
    """Feed pieces with seqs 1, 2, 3, ... and collect everything."""
    decoder = make_decoder(spec)
    out: list[Message | FrameErrorRecord] = []
    for seq, piece in enumerate(pieces, start=1):
        out += decoder.feed(piece, seq)
    return out


def payloads_of(records: list[Message | FrameErrorRecord]) -> list[bytes]:
    assert all(isinstance(r, Message) for r in records), records
    return [r.payload for r in records if isinstance(r, Message)]


# --- spec strings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec", "canonical"),
    [
        ("", None, ""),
        ("none", None, ""),
        (" None ", None, ""),
        ("delimiter:\\n", FrameSpec("delimiter", delimiter=b"\n"), "delimiter:\\n"),
        ("delimiter:\\r\\n", FrameSpec("delimiter", delimiter=b"\r\n"), "delimiter:\\r\\n"),
        ("delimiter:;", FrameSpec("delimiter", delimiter=b";"), "delimiter:;"),
        ("delimiter:\\x00", FrameSpec("delimiter", delimiter=b"\0"), "delimiter:\\x00"),
        ("delimiter:\\0", FrameSpec("delimiter", delimiter=b"\0"), "delimiter:\\x00"),
        ("delimiter:\\t|\\\\", FrameSpec("delimiter", delimiter=b"\t|\\"), "delimiter:\\t|\\\\"),
        (
            "delimiter:\\xFF\\xfe",
            FrameSpec("delimiter", delimiter=b"\xff\xfe"),
            "delimiter:\\xff\\xfe",
        ),
        ("delimiter::", FrameSpec("delimiter", delimiter=b":"), "delimiter::"),
        ("delimiter:a b", FrameSpec("delimiter", delimiter=b"a b"), "delimiter:a b"),
        ("delimiter: ", FrameSpec("delimiter", delimiter=b" "), "delimiter:\\x20"),
        (
            "delimiter:。",
            FrameSpec("delimiter", delimiter="。".encode()),
            "delimiter:\\xe3\\x80\\x82",
        ),
        ("Delimiter:END", FrameSpec("delimiter", delimiter=b"END"), "delimiter:END"),
        ("delimiter-hex:0d0a", FrameSpec("delimiter", delimiter=b"\r\n"), "delimiter:\\r\\n"),
        ("delimiter-hex:0D 0A", FrameSpec("delimiter", delimiter=b"\r\n"), "delimiter:\\r\\n"),
        (
            "delimiter-hex:0a:keep",
            FrameSpec("delimiter", delimiter=b"\n", keep_delimiter=True),
            "delimiter-hex:0a:keep",
        ),
        (
            "delimiter-hex:0d0a:max=64:keep",
            FrameSpec("delimiter", delimiter=b"\r\n", keep_delimiter=True, max_length=64),
            "delimiter-hex:0d0a:keep:max=64",
        ),
        ("fixed:16", FrameSpec("fixed", size=16), "fixed:16"),
        ("fixed: 1 ", FrameSpec("fixed", size=1), "fixed:1"),
        ("fixed:1048576", FrameSpec("fixed", size=1048576), "fixed:1048576"),
        ("length:!I", FrameSpec("length", fmt="!I"), "length:!I"),
        ("length:>I", FrameSpec("length", fmt=">I"), "length:>I"),
        ("length:B", FrameSpec("length", fmt="B"), "length:B"),
        ("length:<Q", FrameSpec("length", fmt="<Q"), "length:<Q"),
        ("length:i", FrameSpec("length", fmt="i"), "length:i"),
        (
            "length:<H:incl",
            FrameSpec("length", fmt="<H", header_counted=True),
            "length:<H:incl",
        ),
        (
            "length:!I:max=4096",
            FrameSpec("length", fmt="!I", max_length=4096),
            "length:!I:max=4096",
        ),
        (
            "length:B:incl:max=200",
            FrameSpec("length", fmt="B", header_counted=True, max_length=200),
            "length:B:incl:max=200",
        ),
        (
            "length:B:max=200:INCL",
            FrameSpec("length", fmt="B", header_counted=True, max_length=200),
            "length:B:incl:max=200",
        ),
        (
            f"length:!H:max={DEFAULT_MAX_LENGTH}",
            FrameSpec("length", fmt="!H"),
            "length:!H",
        ),
    ],
)
def test_parse_and_format_round_trip(text: str, spec: FrameSpec | None, canonical: str) -> None:
    assert parse_frame_spec(text) == spec
    assert format_frame_spec(spec) == canonical
    assert parse_frame_spec(canonical) == spec


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("foo", "unknown framing 'foo'; use delimiter:..., fixed:N or length:FMT"),
        ("foo:bar", "unknown framing 'foo'; use delimiter:..., fixed:N or length:FMT"),
        ("delimiter:", "empty delimiter"),
        ("delimiter", "empty delimiter"),
        ("delimiter-hex:", "empty delimiter"),
        (
            "delimiter-hex:0g",
            "'0g' is not valid hex for a delimiter (two digits per byte, e.g. 0d0a)",
        ),
        (
            "delimiter-hex:0d0a:incl",
            "unknown option 'incl' for delimiter-hex framing; use keep or max=N",
        ),
        ("delimiter:\\q", "unknown escape '\\q' in delimiter; use \\r \\n \\t \\0 \\xNN or \\\\"),
        ("delimiter:ab\\", "delimiter ends with a lone backslash; write \\\\ for a backslash"),
        ("delimiter:\\x4", "\\x needs two hex digits (at position 0)"),
        ("delimiter:;\\xg0", "\\x needs two hex digits (at position 1)"),
        ("fixed:0", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:1048577", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:-4", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:2.5", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("fixed:16:incl", "fixed length must be a whole number of bytes from 1 to 1048576"),
        ("length:", "length framing needs a struct format, e.g. length:!I or length:<H"),
        ("length:!II", "'!II' is not a single integer struct format (try !I, <H or B)"),
        ("length:f", "'f' is not a single integer struct format (try !I, <H or B)"),
        ("length:5s", "'5s' is not a single integer struct format (try !I, <H or B)"),
        ("length:2H", "'2H' is not a single integer struct format (try !I, <H or B)"),
        ("length:?", "'?' is not a single integer struct format (try !I, <H or B)"),
        ("length:!N", "'!N' is not a single integer struct format (try !I, <H or B)"),
        ("length:!I:foo", "unknown option 'foo' for length framing; use incl or max=N"),
        ("length:!I:max=0", "max must be a whole number of bytes, at least 1 (got '0')"),
        ("length:!I:max=x", "max must be a whole number of bytes, at least 1 (got 'x')"),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(FramingError) as excinfo:
        parse_frame_spec(text)
    assert str(excinfo.value) == message


def test_framing_error_is_a_value_error() -> None:
    assert issubclass(FramingError, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "bogus"}, "unknown framing 'bogus'; use delimiter:..., fixed:N or length:FMT"),
        ({"kind": "delimiter"}, "empty delimiter"),
        (
            {"kind": "fixed", "size": True},
            "fixed length must be a whole number of bytes from 1 to 1048576",
        ),
        (
            {"kind": "length", "fmt": "!II"},
            "'!II' is not a single integer struct format (try !I, <H or B)",
        ),
        (
            {"kind": "length", "fmt": "!I", "max_length": 0},
            "max must be a whole number of bytes, at least 1",
        ),
    ],
)
def test_frame_spec_validates_on_construction(kwargs: dict, message: str) -> None:
    with pytest.raises(FramingError) as excinfo:
        FrameSpec(**kwargs)
    assert str(excinfo.value) == message


@given(
    delimiter=st.binary(min_size=1, max_size=6),
    keep=st.booleans(),
    max_length=st.one_of(st.just(DEFAULT_MAX_LENGTH), st.integers(1, 2**40)),
)
def test_delimiter_spec_round_trips(delimiter: bytes, keep: bool, max_length: int) -> None:
    spec = FrameSpec("delimiter", delimiter=delimiter, keep_delimiter=keep, max_length=max_length)
    text = format_frame_spec(spec)
    assert text.isascii() and text.isprintable()
    assert text == text.strip()
    assert parse_frame_spec(text) == spec


@given(
    fmt=st.sampled_from(["!I", ">I", "<I", "=H", "@h", "B", "b", "!Q", "<q", "i", "N", "@n"]),
    counted=st.booleans(),
    max_length=st.one_of(st.just(DEFAULT_MAX_LENGTH), st.integers(1, 2**40)),
)
def test_length_spec_round_trips(fmt: str, counted: bool, max_length: int) -> None:
    spec = FrameSpec("length", fmt=fmt, header_counted=counted, max_length=max_length)
    assert parse_frame_spec(format_frame_spec(spec)) == spec


def test_format_none_is_empty() -> None:
    assert format_frame_spec(None) == ""


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


def test_delimiter_message_longer_than_max_is_dropped_alone() -> None:
    spec = FrameSpec("delimiter", delimiter=b"\n", max_length=4)
    decoder = make_decoder(spec)
    assert decoder.feed(b"abc", 1) == []
    assert decoder.feed(b"defgh\nxy\n", 2) == [
        FrameErrorRecord(
            "message of 8 bytes exceeds the maximum 4 bytes; dropping it",
            (Span(1, 0, 3), Span(2, 0, 6)),
        ),
        Message(0, b"xy", b"xy\n", (Span(2, 6, 9),)),
    ]


def test_delimiter_missing_beyond_max_drops_buffer_then_decodes_fresh() -> None:
    spec = FrameSpec("delimiter", delimiter=b"\r\n", max_length=8)
    decoder = make_decoder(spec)
    # 9 bytes: the last one may start a "\r\n", so the payload could still be 8 bytes.
    assert decoder.feed(b"012345678", 1) == []
    assert decoder.feed(b"9", 2) == [
        FrameErrorRecord(
            "no delimiter within the maximum 8 bytes; dropping 10 buffered bytes "
            "and waiting for a new stream",
            (Span(1, 0, 9), Span(2, 0, 1)),
        )
    ]
    assert decoder.pending == 0
    assert decoder.feed(b"ok\r\n", 3) == [Message(0, b"ok", b"ok\r\n", (Span(3, 0, 4),))]


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


def test_length_max_breach_then_fresh_stream() -> None:
    spec = FrameSpec("length", fmt="!I")
    decoder = make_decoder(spec)
    assert decoder.feed(struct.pack("!I", 5_000_000), 1) == [
        FrameErrorRecord(
            "length 5000000 exceeds the maximum 1048576 bytes; dropping 4 buffered bytes "
            "and waiting for a new stream",
            (Span(1, 0, 4),),
        )
    ]
    assert decoder.pending == 0
    assert decoder.pending_spans() == ()
    assert decoder.feed(encode_frames(spec, [b"a", b"bc"]), 2) == [
        Message(0, b"a", b"\0\0\0\x01a", (Span(2, 0, 5),)),
        Message(1, b"bc", b"\0\0\0\x02bc", (Span(2, 5, 11),)),
    ]


def test_length_breach_drops_rest_of_chunk() -> None:
    spec = FrameSpec("length", fmt="<H", max_length=10)
    decoder = make_decoder(spec)
    good = encode_frame(spec, b"ok")
    records = decoder.feed(good + b"\x0b\0" + b"x" * 5, 3)
    assert records == [
        Message(0, b"ok", good, (Span(3, 0, 4),)),
        FrameErrorRecord(
            "length 11 exceeds the maximum 10 bytes; dropping 7 buffered bytes "
            "and waiting for a new stream",
            (Span(3, 4, 11),),
        ),
    ]
    assert decoder.feed(good, 4) == [Message(1, b"ok", good, (Span(4, 0, 4),))]


def test_length_counted_smaller_than_header() -> None:
    spec = FrameSpec("length", fmt="!I", header_counted=True)
    assert decode(spec, b"\0\0\0\x02") == [
        FrameErrorRecord(
            "length 2 is smaller than the 4-byte header; dropping 4 buffered bytes "
            "and waiting for a new stream",
            (Span(1, 0, 4),),
        )
    ]


def test_length_counted_payload_over_max() -> None:
    spec = FrameSpec("length", fmt="B", header_counted=True, max_length=3)
    assert payloads_of(decode(spec, b"\x04abc")) == [b"abc"]
    records = decode(spec, b"\x05a")
    assert records == [
        FrameErrorRecord(
            "length 5 (4-byte payload) exceeds the maximum 3 bytes; dropping 2 buffered bytes "
            "and waiting for a new stream",
            (Span(1, 0, 2),),
        )
    ]


def test_length_negative_signed_header() -> None:
    spec = FrameSpec("length", fmt="!b")
    assert decode(spec, b"\xff") == [
        FrameErrorRecord(
            "length -1 is negative; dropping 1 buffered byte and waiting for a new stream",
            (Span(1, 0, 1),),
        )
    ]


def test_length_announced_size_is_never_preallocated() -> None:
    # A huge but allowed length must only wait for bytes, not reserve room for them.
    spec = FrameSpec("length", fmt="!Q", max_length=2**41)
    decoder = make_decoder(spec)
    tracemalloc.start()
    try:
        assert decoder.feed(struct.pack("!Q", 2**40) + b"abc", 1) == []
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
    with pytest.raises(AttributeError):
        message.index = 1  # type: ignore[misc]
    assert Span(1, 2, 5).length == 3
    error = FrameErrorRecord("x", (Span(1, 0, 1), Span(2, 0, 1), Span(2, 1, 2)))
    assert error.chunk_seqs == (1, 2)


# --- encoders ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "payload", "message"),
    [
        (CRLF, b"a\r\nb", "payload contains the delimiter; it would be split into two messages"),
        (
            FrameSpec("delimiter", delimiter=b"=="),
            b"a=",
            "payload ends with the start of the delimiter; the message would end too early",
        ),
        (
            FrameSpec("delimiter", delimiter=b"\n", max_length=2),
            b"abc",
            "payload of 3 bytes exceeds the maximum 2 bytes",
        ),
        (
            FrameSpec("fixed", size=4),
            b"abc",
            "payload is 3 bytes but fixed framing needs exactly 4 bytes",
        ),
        (
            FrameSpec("fixed", size=1),
            b"ab",
            "payload is 2 bytes but fixed framing needs exactly 1 byte",
        ),
        (
            FrameSpec("length", fmt="B"),
            b"x" * 256,
            "length 256 does not fit the 'B' header (largest is 255)",
        ),
        (
            FrameSpec("length", fmt="B", header_counted=True),
            b"x" * 255,
            "length 256 does not fit the 'B' header (largest is 255)",
        ),
        (
            FrameSpec("length", fmt="<h"),
            b"x" * 32768,
            "length 32768 does not fit the '<h' header (largest is 32767)",
        ),
        (
            FrameSpec("length", fmt="!I", max_length=4),
            b"abcde",
            "payload of 5 bytes exceeds the maximum 4 bytes",
        ),
    ],
)
def test_encode_errors(spec: FrameSpec, payload: bytes, message: str) -> None:
    with pytest.raises(FramingError) as excinfo:
        encode_frame(spec, payload)
    assert str(excinfo.value) == message


def test_encode_frames() -> None:
    assert encode_frames(CRLF, [b"a", b"", b"bc"]) == b"a\r\n\r\nbc\r\n"
    assert encode_frame(FrameSpec("length", fmt="B", header_counted=True), b"x" * 254)[0] == 255
    assert encode_frames(FrameSpec("fixed", size=2), [b"ab", b"cd"]) == b"abcd"
    assert encode_frames(FrameSpec("length", fmt="<H"), []) == b""


# --- property: any split decodes to the same payloads -----------------------------------------

SPECS = [
    FrameSpec("delimiter", delimiter=b"\n"),
    FrameSpec("delimiter", delimiter=b"\r\n"),
    FrameSpec("delimiter", delimiter=b"\r\n", keep_delimiter=True),
    FrameSpec("delimiter", delimiter=b"=="),
    FrameSpec("delimiter", delimiter=b"\x00\xff\x00"),
    FrameSpec("fixed", size=1),
    FrameSpec("fixed", size=5),
    FrameSpec("length", fmt="!I"),
    FrameSpec("length", fmt="<H", header_counted=True),
    FrameSpec("length", fmt="B"),
    FrameSpec("length", fmt="B", header_counted=True),
    FrameSpec("length", fmt="<q", max_length=300),
]


def _frameable(spec: FrameSpec, payload: bytes) -> bool:
    try:
        encode_frame(spec, payload)
    except FramingError:
        return False
    return True


@st.composite
def spec_payloads_and_cuts(draw: st.DrawFn) -> tuple[FrameSpec, list[bytes], list[int]]:
    spec = draw(st.sampled_from(SPECS))
    if spec.kind == "fixed":
        payload = st.binary(min_size=spec.size, max_size=spec.size)
    else:
        # Small alphabets make delimiter fragments next to real delimiters likely.
        payload = st.binary(max_size=40) | st.lists(
            st.sampled_from([b"\r", b"\n", b"=", b"\x00", b"\xff", b"a"]), max_size=12
        ).map(b"".join)
    payloads = draw(st.lists(payload.filter(lambda p: _frameable(spec, p)), max_size=8))
    total = len(encode_frames(spec, payloads))
    cuts = draw(st.lists(st.integers(0, total), max_size=12))
    return spec, payloads, sorted(cuts)


@settings(max_examples=300, deadline=None)
@given(spec_payloads_and_cuts(), st.integers(0, 1000))
def test_any_split_decodes_to_the_payloads(
    case: tuple[FrameSpec, list[bytes], list[int]], first_seq: int
) -> None:
    spec, payloads, cuts = case
    stream = encode_frames(spec, payloads)
    bounds = [0, *cuts, len(stream)]
    pieces = [stream[a:b] for a, b in itertools.pairwise(bounds)]
    decoder = make_decoder(spec)
    records: list[Message | FrameErrorRecord] = []
    chunks: dict[int, bytes] = {}
    for seq, piece in enumerate(pieces, start=first_seq):
        chunks[seq] = piece
        records += decoder.feed(piece, seq)

    expected = [p + spec.delimiter if spec.keep_delimiter else p for p in payloads]
    assert payloads_of(records) == expected
    assert decoder.pending == 0
    assert b"".join(r.frame for r in records if isinstance(r, Message)) == stream
    for index, record in enumerate(records):
        assert isinstance(record, Message)
        assert record.index == index
        assert sum(span.length for span in record.spans) == len(record.frame)
        # Spans point at exactly the frame's bytes in the chunks that were fed.
        assert b"".join(chunks[s.chunk_seq][s.start : s.end] for s in record.spans) == record.frame
        assert all(0 <= s.start < s.end <= len(chunks[s.chunk_seq]) for s in record.spans)


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
