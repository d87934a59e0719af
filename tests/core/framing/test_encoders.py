"""Tests for netassistant.core.framing.encoders, and that decoders undo them."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netassistant.core.framing import (
    FrameErrorRecord,
    FrameSpec,
    FramingError,
    Message,
    encode_frame,
    encode_frames,
    make_decoder,
)
from tests.core.framing.helpers import CRLF, payloads_of

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
    with pytest.raises(FramingError, match=re.escape(message)) as excinfo:
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
