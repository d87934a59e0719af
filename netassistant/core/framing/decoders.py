"""Decoders: cut a received byte stream into messages, each pointing back at its chunks.

A decoder is fed one connection's received chunks in order and returns the
:class:`Message` s they complete, each with the :class:`Span` s it was cut from.

When the stream breaks the framing, each decoder follows one recovery rule, and every rule
is *split-invariant*: the same bytes give the same messages and the same errors (same
text, same number of bytes) however ``recv()`` cut them into chunks. Every byte fed ends
up in a message, in :attr:`Decoder.discarded` (the bytes of the error records and those
dropped after them) or, at the end, in :attr:`Decoder.pending`. No rule buffers more than
the spec's ``max`` (plus a header or a delimiter) per connection.

* Delimiter: a message is over-long once the ``max + 1`` bytes after its start hold no
  delimiter start. One :class:`FrameErrorRecord` covers those ``max + 1`` bytes, and the
  rest of the message, up to and including the next delimiter, is dropped without
  another record; decoding goes on after that delimiter.
* Fixed: every byte belongs to a frame; there is no error case.
* Length prefix: a header announcing a payload over ``max`` gets one error record for the
  header, and the payload it announces is skipped as it arrives (never buffered), so the
  stream stays in step with a peer that sent one message too large. A header no frame can
  have (a negative length, or one smaller than the header when the header counts itself)
  means the stream is out of step: one error record for the header, and the rest of the
  connection is dropped undecoded until :meth:`Decoder.reset` (a new connection gets a
  new decoder). Reading on would turn the garbage into phantom messages: a 4 GiB length
  followed by zeros used to come out as a million empty ones.
"""

from __future__ import annotations

import struct

from netassistant.core.framing.records import FrameErrorRecord, Message, Span, SpanLog
from netassistant.core.framing.spec import DELIMITER, FIXED, LENGTH, FrameSpec
from netassistant.core.i18n import Text

# --- decoders ---------------------------------------------------------------------------------


class Decoder:
    """Incremental decoder base: buffering, span bookkeeping and dropping; subclasses cut frames.

    Feed it each chunk's data in order. Bytes are copied once into a buffer; consumed bytes
    are dropped once per feed, so the work stays linear in the bytes fed however they are split.
    Bytes the decoder gives up on (see the module docstring) are counted in
    :attr:`discarded`, so messages, discarded bytes and :attr:`pending` add up to every
    byte fed.

    Attributes:
        spec: The framing this decoder follows.
    """

    def __init__(self, spec: FrameSpec) -> None:
        """Create a decoder for ``spec`` (use :func:`make_decoder` to pick the class)."""
        self.spec = spec
        self._buf = bytearray()
        self._start = 0  # offset in _buf of the first byte not yet in a frame
        self._spans = SpanLog()  # where each buffered byte came from
        self._index = 0
        self._last_seq: int | None = None
        self._last_end = 0
        self._dropped = 0  # bytes given up on: in error records, skipped or after a halt
        self._skip_left = 0  # bytes still to skip as they arrive
        self._halted = False  # the stream is out of step for good: drop everything
        # Some leading bytes of the next feed may be dropped (a skip, a halt, or a subclass's
        # own rule); checked first so that the ordinary feed pays one attribute test.
        self._dropping = False

    @property
    def pending(self) -> int:
        """Bytes buffered that do not yet make a full frame."""
        return len(self._buf) - self._start

    @property
    def discarded(self) -> int:
        """Bytes given up on since the start or the last :meth:`reset`.

        That is the bytes of every :class:`FrameErrorRecord` plus those skipped or dropped
        without a record of their own (each skip is announced by the error before it).
        """
        return self._dropped

    def pending_spans(self) -> tuple[Span, ...]:
        """Where the pending bytes came from, in order."""
        return self._spans.spans()

    def reset(self) -> None:
        """Forget buffered bytes and start over as a new decoder (index from 0)."""
        self._buf.clear()
        self._start = 0
        self._spans.clear()
        self._index = 0
        self._last_seq = None
        self._last_end = 0
        self._dropped = 0
        self._skip_left = 0
        self._halted = False
        self._dropping = False
        self._reset_state()

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
        self._last_seq, self._last_end = chunk_seq, end
        used = 0
        if self._dropping:
            # Bytes being skipped never reach the buffer, so skipping costs no memory.
            used = self._drop_incoming(data)
            self._dropped += used
            if used == len(data):
                return []
        self._spans.add(chunk_seq, offset + used, end)
        self._buf += data[used:] if used else data
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

    def _drop_incoming(self, data: bytes) -> int:
        """How many leading bytes of newly fed ``data`` to drop unbuffered (counted by feed)."""
        if self._halted:
            return len(data)
        used = min(self._skip_left, len(data))
        self._skip_left -= used
        self._dropping = self._skip_left > 0
        return used

    def _rebase(self, consumed: int) -> None:
        """Shift buffer offsets kept by a subclass after ``consumed`` bytes were dropped."""

    def _reset_state(self) -> None:
        """Clear per-frame state kept by a subclass."""

    def _take(self, size: int) -> tuple[bytes, tuple[Span, ...]]:
        """Consume ``size`` bytes from the buffer; return them and where they came from."""
        start = self._start
        frame = bytes(self._buf[start : start + size])
        self._start = start + size
        return frame, self._spans.take(size)

    def _drop_buffered(self, size: int) -> None:
        """Consume ``size`` buffered bytes and count them as discarded."""
        if size:
            self._start += size
            self._spans.take(size)
            self._dropped += size

    def _emit(
        self,
        out: list[Message | FrameErrorRecord],
        payload: bytes,
        frame: bytes,
        spans: tuple[Span, ...],
    ) -> None:
        out.append(Message(self._index, payload, frame, spans))
        self._index += 1

    def _error(self, out: list[Message | FrameErrorRecord], message: str, size: int) -> None:
        """Give up on the next ``size`` buffered bytes, reporting ``message``."""
        _frame, spans = self._take(size)
        self._dropped += size
        out.append(FrameErrorRecord(message, spans))

    def _skip(self, size: int) -> None:
        """Drop the next ``size`` bytes of the stream, buffered or still to come."""
        buffered = min(size, self.pending)
        self._drop_buffered(buffered)
        self._skip_left = size - buffered
        self._dropping = self._skip_left > 0

    def _halt(self) -> None:
        """Drop everything buffered and everything still to come, until :meth:`reset`."""
        self._drop_buffered(self.pending)
        self._halted = self._dropping = True


class DelimiterDecoder(Decoder):
    """Messages end with ``spec.delimiter``; see the module docstring for over-long ones."""

    def __init__(self, spec: FrameSpec) -> None:
        """Create a decoder for a delimiter spec."""
        super().__init__(spec)
        # Buffer offset where the next search starts: bytes before it hold no delimiter start,
        # so a long message fed in small pieces is searched once, not once per piece.
        self._scan = 0
        # Dropping an over-long message until its delimiter; _tail keeps its last
        # len(delimiter) - 1 bytes (already counted as dropped), which may begin it.
        self._discarding = False
        self._tail = b""

    def _reset_state(self) -> None:
        self._scan = 0
        self._discarding = False
        self._tail = b""

    def _rebase(self, consumed: int) -> None:
        self._scan -= consumed

    def _drop_incoming(self, data: bytes) -> int:
        return self._discard_through_delimiter(data) if self._discarding else 0

    def _discard_through_delimiter(self, data: bytes) -> int:
        """Bytes of ``data`` that belong to the over-long message, its delimiter included."""
        delimiter = self.spec.delimiter
        window = self._tail + data
        found = window.find(delimiter)
        if found < 0:
            self._tail = window[max(0, len(window) - len(delimiter) + 1) :]
            return len(data)
        self._discarding = self._dropping = False
        self._tail = b""
        return found + len(delimiter) - (len(window) - len(data))

    def _decode(self, out: list[Message | FrameErrorRecord]) -> None:
        buf = self._buf
        delimiter = self.spec.delimiter
        size = len(delimiter)
        limit = self.spec.max_length
        while True:
            start = self._start
            # Only a delimiter starting within limit bytes of the message start can end an
            # allowed message; looking no further keeps the rule independent of the split.
            found = buf.find(delimiter, self._scan, start + limit + size)
            if found >= 0:
                payload_len = found - start
                frame, spans = self._take(payload_len + size)
                self._scan = self._start
                payload = frame if self.spec.keep_delimiter else frame[:payload_len]
                self._emit(out, payload, frame, spans)
                continue
            if len(buf) - start < limit + size:
                # The last size-1 bytes may begin a delimiter that the next chunk completes.
                self._scan = max(start, len(buf) - size + 1)
                return
            # No delimiter starts within the first limit + 1 bytes: the message is too long.
            message = Text(
                "no delimiter within the maximum {limit} bytes; "
                "dropping the message up to the next delimiter",
                limit=limit,
            )
            self._error(out, message, limit + 1)
            self._discarding = self._dropping = True
            self._drop_buffered(self._discard_through_delimiter(bytes(buf[self._start :])))
            self._scan = self._start
            if self._discarding:
                return


class FixedDecoder(Decoder):
    """Every message is exactly ``spec.size`` bytes; no stream breaks this framing."""

    def _decode(self, out: list[Message | FrameErrorRecord]) -> None:
        size = self.spec.size
        while len(self._buf) - self._start >= size:
            frame, spans = self._take(size)
            self._emit(out, frame, frame, spans)


class LengthDecoder(Decoder):
    """Each payload follows a :mod:`struct` length header; see the module docstring for bad ones."""

    def __init__(self, spec: FrameSpec) -> None:
        """Create a decoder for a length-prefix spec."""
        super().__init__(spec)
        self._header = struct.Struct(spec.fmt)
        self._frame_len = -1  # full frame size once its header is read; -1 until then

    def _reset_state(self) -> None:
        self._frame_len = -1

    def _check(self, value: int) -> tuple[str, int]:
        """Judge an announced length: ``(problem, bytes to skip)``.

        ``("", 0)`` for a usable length; a payload size to skip for one over the maximum;
        -1 for a length no frame can have (the stream is out of step).
        """
        header = self._header.size
        limit = self.spec.max_length
        if self.spec.header_counted:
            if value < header:
                return Text(
                    "length {value} is smaller than the {header}-byte header",
                    value=value,
                    header=header,
                ), -1
            payload_len = value - header
            if payload_len > limit:
                return Text(
                    "length {value} ({payload}-byte payload) exceeds the maximum {limit} bytes",
                    value=value,
                    payload=payload_len,
                    limit=limit,
                ), payload_len
        elif value < 0:
            return Text("length {value} is negative", value=value), -1
        elif value > limit:
            return Text(
                "length {value} exceeds the maximum {limit} bytes", value=value, limit=limit
            ), value
        return "", 0

    def _decode(self, out: list[Message | FrameErrorRecord]) -> None:
        header = self._header.size
        while True:
            available = len(self._buf) - self._start
            if self._frame_len < 0:
                if available < header:
                    return
                (value,) = self._header.unpack_from(self._buf, self._start)
                # Judged on the header alone, before any payload is waited for or buffered.
                problem, skip = self._check(value)
                if skip < 0:
                    message = Text(
                        "{reason}; the stream is out of step, so the rest of this connection "
                        "is not decoded",
                        reason=problem,
                    )
                    self._error(out, message, header)
                    self._halt()
                    return
                if problem:
                    message = Text(
                        "{reason}; skipping its {count}-byte payload", reason=problem, count=skip
                    )
                    self._error(out, message, header)
                    self._skip(skip)
                    if self._skip_left:
                        return
                    continue
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
