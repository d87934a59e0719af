"""Helpers shared by the framing tests."""

from __future__ import annotations

from netassistant.core.framing import FrameErrorRecord, FrameSpec, Message, make_decoder

CRLF = FrameSpec("delimiter", delimiter=b"\r\n")


def decode(spec: FrameSpec, *pieces: bytes) -> list[Message | FrameErrorRecord]:
    """Feed pieces with seqs 1, 2, 3, ... and collect everything."""
    decoder = make_decoder(spec)
    out: list[Message | FrameErrorRecord] = []
    for seq, piece in enumerate(pieces, start=1):
        out += decoder.feed(piece, seq)
    return out


def payloads_of(records: list[Message | FrameErrorRecord]) -> list[bytes]:
    """The payloads of ``records``, which must all be messages."""
    assert all(isinstance(r, Message) for r in records), records
    return [r.payload for r in records if isinstance(r, Message)]
