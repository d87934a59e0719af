"""Decoders: cut a received byte stream into messages, each pointing back at its chunks."""

from __future__ import annotations

import struct
from collections import deque
from dataclasses import dataclass

from netassistant.core.framing.spec import DELIMITER, FIXED, LENGTH, FrameSpec
from netassistant.core.i18n import Text, translatable

# --- decoded records --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """The byte range ``[start, end)`` inside the data of chunk ``chunk_seq``."""

    chunk_seq: int
    start: int
    end: int

    @property
    def length(self) -> int:
        """Number of bytes in the range."""
        return self.end - self.start


def chunk_seqs(spans: tuple[Span, ...]) -> tuple[int, ...]:
    """Seqs of the chunks ``spans`` point into, in order, each once."""
    return tuple(dict.fromkeys(span.chunk_seq for span in spans))


@dataclass(frozen=True, slots=True)
class Message:
    """One decoded message.

    Attributes:
        index: Message number within the decoder, from 0.
        payload: The message without header or delimiter (with the delimiter if kept).
        frame: The full frame as it was on the wire.
        spans: Where the frame's bytes came from, in order; their lengths add up to
            ``len(frame)``.
    """

    index: int
    payload: bytes
    frame: bytes
    spans: tuple[Span, ...]

    @property
    def chunk_seqs(self) -> tuple[int, ...]:
        """Seqs of the chunks the frame came from, in order, each once."""
        return chunk_seqs(self.spans)


@dataclass(frozen=True, slots=True)
class FrameErrorRecord:
    """Bytes a decoder gave up on, and why in plain words."""

    message: str  # a translatable Text
    spans: tuple[Span, ...]

    @property
    def chunk_seqs(self) -> tuple[int, ...]:
        """Seqs of the chunks the dropped bytes came from, in order, each once."""
        return chunk_seqs(self.spans)


# --- decoders ---------------------------------------------------------------------------------


class Decoder:
    """Incremental decoder base: buffering and span bookkeeping; subclasses cut frames.

    Feed it each chunk's data in order. Bytes are copied once into a buffer; consumed bytes
    are dropped once per feed, so the work stays linear in the bytes fed however they are split.

    Attributes:
        spec: The framing this decoder follows.
    """

    def __init__(self, spec: FrameSpec) -> None:
        """Create a decoder for ``spec`` (use :func:`make_decoder` to pick the class)."""
        self.spec = spec
        self._buf = bytearray()
        self._start = 0  # offset in _buf of the first byte not yet in a frame
        # [chunk_seq, start, end] of each buffered piece, trimmed as bytes are consumed.
        self._segs: deque[list[int]] = deque()
        self._index = 0
        self._last_seq: int | None = None
        self._last_end = 0

    @property
    def pending(self) -> int:
        """Bytes buffered that do not yet make a full frame."""
        return len(self._buf) - self._start

    def pending_spans(self) -> tuple[Span, ...]:
        """Where the pending bytes came from, in order."""
        return tuple(Span(seq, start, end) for seq, start, end in self._segs)

    def reset(self) -> None:
        """Forget buffered bytes and start over as a new decoder (index from 0)."""
        self._drop_all()
        self._index = 0
        self._last_seq = None
        self._last_end = 0

    def feed(self, data: bytes, chunk_seq: int) -> list[Message | FrameErrorRecord]:
        """Add one chunk's data and return the messages and errors it completes.

        Args:
            data: The chunk's bytes. Spans count from 0 in each chunk; feeding more data
                with the same ``chunk_seq`` as the previous call continues that chunk.
            chunk_seq: The chunk's seq, recorded in the spans.

        Returns:
            Completed messages and error records, in stream order.
        """
        if not data:
            return []
        offset = self._last_end if chunk_seq == self._last_seq else 0
        end = offset + len(data)
        if self._segs and self._segs[-1][0] == chunk_seq and self._segs[-1][2] == offset:
            self._segs[-1][2] = end
        else:
            self._segs.append([chunk_seq, offset, end])
        self._last_seq, self._last_end = chunk_seq, end
        self._buf += data
        out: list[Message | FrameErrorRecord] = []
        self._decode(out)
        if self._start:
            # Once per feed, not per message: many small frames in one big chunk stay linear.
            del self._buf[: self._start]
            self._rebase(self._start)
            self._start = 0
        return out

    def _decode(self, out: list[Message | FrameErrorRecord]) -> None:
        raise NotImplementedError

    def _rebase(self, consumed: int) -> None:
        """Shift buffer offsets kept by a subclass after ``consumed`` bytes were dropped."""

    def _reset_state(self) -> None:
        """Clear per-frame state kept by a subclass."""

    def _drop_all(self) -> None:
        self._buf.clear()
        self._start = 0
        self._segs.clear()
        self._reset_state()

    def _take(self, size: int) -> tuple[bytes, tuple[Span, ...]]:
        """Consume ``size`` bytes from the buffer; return them and where they came from."""
        start = self._start
        frame = bytes(self._buf[start : start + size])
        self._start = start + size
        spans = []
        segs = self._segs
        while size > 0:
            seg = segs[0]
            available = seg[2] - seg[1]
            if available <= size:
                spans.append(Span(seg[0], seg[1], seg[2]))
                segs.popleft()
                size -= available
            else:
                spans.append(Span(seg[0], seg[1], seg[1] + size))
                seg[1] += size
                size = 0
        return frame, tuple(spans)

    def _emit(
        self,
        out: list[Message | FrameErrorRecord],
        payload: bytes,
        frame: bytes,
        spans: tuple[Span, ...],
    ) -> None:
        out.append(Message(self._index, payload, frame, spans))
        self._index += 1

    def _breach(self, out: list[Message | FrameErrorRecord], reason: str) -> None:
        """Drop everything buffered and start a new stream; the stream is out of step."""
        template = (
            translatable("{reason}; dropping {count} buffered byte and waiting for a new stream")
            if self.pending == 1
            else translatable(
                "{reason}; dropping {count} buffered bytes and waiting for a new stream"
            )
        )
        message = Text(template, reason=reason, count=self.pending)
        out.append(FrameErrorRecord(message, self.pending_spans()))
        self._drop_all()


class DelimiterDecoder(Decoder):
    """Messages end with ``spec.delimiter``."""

    def __init__(self, spec: FrameSpec) -> None:
        """Create a decoder for a delimiter spec."""
        super().__init__(spec)
        # Buffer offset where the next search starts: bytes before it hold no delimiter start,
        # so a long message fed in small pieces is searched once, not once per piece.
        self._scan = 0

    def _reset_state(self) -> None:
        self._scan = 0

    def _rebase(self, consumed: int) -> None:
        self._scan -= consumed

    def _decode(self, out: list[Message | FrameErrorRecord]) -> None:
        buf = self._buf
        delimiter = self.spec.delimiter
        size = len(delimiter)
        limit = self.spec.max_length
        while (found := buf.find(delimiter, self._scan)) >= 0:
            payload_len = found - self._start
            frame, spans = self._take(payload_len + size)
            self._scan = self._start
            if payload_len > limit:
                # The delimiter keeps the stream in step, so only this message is lost.
                message = Text(
                    "message of {size} bytes exceeds the maximum {limit} bytes; dropping it",
                    size=payload_len,
                    limit=limit,
                )
                out.append(FrameErrorRecord(message, spans))
                continue
            payload = frame if self.spec.keep_delimiter else frame[:payload_len]
            self._emit(out, payload, frame, spans)
        # The last size-1 bytes may begin a delimiter that the next chunk completes.
        self._scan = max(self._start, len(buf) - size + 1)
        if self._scan - self._start > limit:
            # Bounds memory when the peer never sends the delimiter.
            self._breach(out, Text("no delimiter within the maximum {limit} bytes", limit=limit))


class FixedDecoder(Decoder):
    """Every message is exactly ``spec.size`` bytes."""

    def _decode(self, out: list[Message | FrameErrorRecord]) -> None:
        size = self.spec.size
        while len(self._buf) - self._start >= size:
            frame, spans = self._take(size)
            self._emit(out, frame, frame, spans)


class LengthDecoder(Decoder):
    """Each payload follows a :mod:`struct` length header."""

    def __init__(self, spec: FrameSpec) -> None:
        """Create a decoder for a length-prefix spec."""
        super().__init__(spec)
        self._header = struct.Struct(spec.fmt)
        self._frame_len = -1  # full frame size once its header is read; -1 until then

    def _reset_state(self) -> None:
        self._frame_len = -1

    def _check(self, value: int) -> str:
        """Return why an announced length is unusable, or "" if it is fine."""
        header = self._header.size
        limit = self.spec.max_length
        if self.spec.header_counted:
            if value < header:
                return Text(
                    "length {value} is smaller than the {header}-byte header",
                    value=value,
                    header=header,
                )
            payload_len = value - header
            if payload_len > limit:
                return Text(
                    "length {value} ({payload}-byte payload) exceeds the maximum {limit} bytes",
                    value=value,
                    payload=payload_len,
                    limit=limit,
                )
        elif value < 0:
            return Text("length {value} is negative", value=value)
        elif value > limit:
            return Text(
                "length {value} exceeds the maximum {limit} bytes", value=value, limit=limit
            )
        return ""

    def _decode(self, out: list[Message | FrameErrorRecord]) -> None:
        header = self._header.size
        while True:
            available = len(self._buf) - self._start
            if self._frame_len < 0:
                if available < header:
                    return
                (value,) = self._header.unpack_from(self._buf, self._start)
                # Judged on the header alone, before any payload is waited for or buffered.
                problem = self._check(value)
                if problem:
                    self._breach(out, problem)
                    return
                self._frame_len = value if self.spec.header_counted else header + value
            if available < self._frame_len:
                return
            frame, spans = self._take(self._frame_len)
            self._frame_len = -1
            self._emit(out, frame[header:], frame, spans)


_DECODERS: dict[str, type[Decoder]] = {
    DELIMITER: DelimiterDecoder,
    FIXED: FixedDecoder,
    LENGTH: LengthDecoder,
}


def make_decoder(spec: FrameSpec) -> Decoder:
    """Create the decoder for a spec.

    Args:
        spec: A framing spec.

    Returns:
        A fresh :class:`Decoder` of the matching kind.
    """
    return _DECODERS[spec.kind](spec)
