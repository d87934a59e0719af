"""Decoders fed hostile streams: any bytes, any split, the same result and bounded memory."""

from __future__ import annotations

import itertools
import struct
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from netassistant.core.framing import (
    Decoder,
    FrameErrorRecord,
    FrameSpec,
    Message,
    Span,
    SpanRun,
    chunk_seqs,
    make_decoder,
    seqs_text,
    span_fields,
)

# Small alphabets make delimiters, delimiter fragments and small lengths likely.
_ALPHABET = [b"\n", b"\r", b"=", b"\x00", b"\x01", b"\x02", b"\xff", b"a"]


@st.composite
def random_specs(draw: st.DrawFn) -> FrameSpec:
    kind = draw(st.sampled_from(["delimiter", "fixed", "length"]))
    if kind == "fixed":
        return FrameSpec("fixed", size=draw(st.integers(1, 8)))
    max_length = draw(st.integers(1, 12))
    if kind == "delimiter":
        delimiter = draw(st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=3))
        return FrameSpec(
            "delimiter",
            delimiter=b"".join(delimiter),
            keep_delimiter=draw(st.booleans()),
            max_length=max_length,
        )
    return FrameSpec(
        "length",
        fmt=draw(st.sampled_from(["B", "b", "<H", "!h", "!I", "<i"])),
        header_counted=draw(st.booleans()),
        max_length=max_length,
    )


random_bytes = st.binary(max_size=120) | st.lists(st.sampled_from(_ALPHABET), max_size=120).map(
    b"".join
)


def outcome(decoder: Decoder, records: list[Message | FrameErrorRecord]) -> list[tuple]:
    """What must not depend on the split: every record but its spans, and the leftovers."""
    seen: list[tuple] = []
    for record in records:
        if isinstance(record, Message):
            seen.append(("message", record.index, record.payload, record.frame))
        else:
            seen.append(("error", record.message, sum(s.length for s in record.spans)))
    seen.append(("pending", decoder.pending, decoder.discarded))
    return seen


@settings(max_examples=400, deadline=None)
@given(random_specs(), random_bytes, st.lists(st.integers(0, 120), max_size=15))
def test_any_split_of_any_bytes_gives_the_same_messages_and_errors(
    spec: FrameSpec, data: bytes, cuts: list[int]
) -> None:
    whole = make_decoder(spec)
    expected = outcome(whole, whole.feed(data, 1))

    bounds = [0, *sorted(c for c in cuts if c <= len(data)), len(data)]
    pieces = [data[a:b] for a, b in itertools.pairwise(bounds)]
    split = make_decoder(spec)
    records: list[Message | FrameErrorRecord] = []
    chunks: dict[int, bytes] = {}
    for seq, piece in enumerate(pieces, start=1):
        chunks[seq] = piece
        records += split.feed(piece, seq)

    assert outcome(split, records) == expected
    # Messages, discarded bytes and what is still pending account for every byte.
    framed = sum(len(r.frame) for r in records if isinstance(r, Message))
    assert framed + split.discarded + split.pending == len(data)
    in_errors = sum(s.length for r in records if isinstance(r, FrameErrorRecord) for s in r.spans)
    assert in_errors <= split.discarded
    # Every span points at real bytes of the chunks that were fed; a message's at its frame.
    for record in records:
        assert all(0 <= s.start < s.end <= len(chunks[s.chunk_seq]) for s in record.spans)
        if isinstance(record, Message):
            rebuilt = b"".join(chunks[s.chunk_seq][s.start : s.end] for s in record.spans)
            assert rebuilt == record.frame
    # The pending bytes are the stream's last bytes, wherever they came from.
    pending = b"".join(chunks[s.chunk_seq][s.start : s.end] for s in split.pending_spans())
    assert len(pending) == split.pending
    assert data.endswith(pending)


@settings(max_examples=150, deadline=None)
@given(random_specs(), random_bytes)
def test_memory_stays_bounded_by_max(spec: FrameSpec, data: bytes) -> None:
    decoder = make_decoder(spec)
    bound = max(spec.max_length, spec.size) + max(len(spec.delimiter), spec.header_size)
    for seq, byte in enumerate(data):
        decoder.feed(bytes([byte]), seq)
        assert decoder.pending <= bound


def test_one_byte_per_chunk_frame_keeps_three_spans() -> None:
    # Issue 9: a frame arriving one byte per recv() kept one Span object per byte.
    size = 32 * 1024
    spec = FrameSpec("length", fmt="!I", max_length=size)
    stream = struct.pack("!I", size) + b"x" * size
    decoder = make_decoder(spec)
    records: list[Message | FrameErrorRecord] = []
    tracemalloc.start()
    try:
        for seq in range(len(stream)):
            records += decoder.feed(stream[seq : seq + 1], 100 + seq)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (message,) = records
    assert isinstance(message, Message)
    first, run, last = message.spans
    assert (first.chunk_seq, first.start, first.end) == (100, 0, 1)
    assert isinstance(run, SpanRun)
    assert (run.chunk_seq, run.last_seq, run.length) == (
        101,
        100 + len(stream) - 2,
        len(stream) - 2,
    )
    assert (last.chunk_seq, last.start, last.end) == (100 + len(stream) - 1, 0, 1)
    assert sum(s.length for s in message.spans) == len(message.frame)
    assert message.chunk_seqs == (100, 101, 100 + len(stream) - 2, 100 + len(stream) - 1)
    # 32 KiB pieces: ~24 bytes each while pending, against ~140 bytes each before.
    assert peak < 1_500_000, peak


def test_skipped_and_halted_bytes_are_never_buffered() -> None:
    spec = FrameSpec("length", fmt="!i", max_length=16)
    decoder = make_decoder(spec)
    assert len(decoder.feed(struct.pack("!i", 1 << 30), 1)) == 1
    for seq in range(2, 1002):
        assert decoder.feed(b"\0" * 1000, seq) == []
        assert decoder.pending == 0
    assert decoder.discarded == 4 + 1000 * 1000
    halted = make_decoder(spec)
    assert len(halted.feed(struct.pack("!i", -5), 1)) == 1
    for seq in range(2, 1002):
        assert halted.feed(struct.pack("!i", 3) + b"abc", seq) == []
    assert (halted.pending, halted.discarded) == (0, 4 + 1000 * 7)


def test_pending_bytes_of_many_chunks_fold_too() -> None:
    spec = FrameSpec("length", fmt="!I")
    decoder = make_decoder(spec)
    stream = b"\0\0\x01\0" + b"x" * 96  # a 256-byte frame, 100 bytes of it in 100 chunks
    for seq in range(1, 101):
        assert decoder.feed(stream[seq - 1 : seq], seq) == []
    spans = decoder.pending_spans()
    assert [type(s) for s in spans] == [Span, SpanRun, Span]
    assert (spans[0].chunk_seq, spans[1].chunk_seq, spans[1].last_seq, spans[2].chunk_seq) == (
        1,
        2,
        99,
        100,
    )
    assert sum(s.length for s in spans) == decoder.pending == 100


def test_runs_in_log_lines_and_json() -> None:
    spans = (Span(7, 5, 10), SpanRun(8, 0, 1, run_end_seq=99, size=92), Span(100, 0, 4))
    assert seqs_text(spans) == "7,8-99,100"
    assert [span_fields(s) for s in spans] == [[7, 5, 10], [8, 0, 1, 99, 92], [100, 0, 4]]
    assert chunk_seqs(spans) == (7, 8, 99, 100)
