"""Per-connection message decoding for a pane: framing plus an optional checksum.

The receive log shows raw chunks; a :class:`MessageDecoder` fed the same event batches
shows the messages those chunks carry. It keeps one framing decoder per connection
(and, on a UDP socket, per peer: all datagrams share connection 0), so interleaved
connections never mix their bytes. With a checksum set, each message's payload ends
with that checksum; it is verified and removed from the payload.

Records point back at the chunks through :class:`~netassistant.core.framing.Span`
ranges, and carry the length of the chunk that holds their last byte, so a view can
tell "the whole of chunk 7" from "bytes 0-9 of chunk 7".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from netassistant.core.checksum import checksum_bytes, verify_checksum
from netassistant.core.chunk import ENDING_KINDS, Chunk, ConnEvent, Direction, EventKind
from netassistant.core.framing import (
    Decoder,
    FrameErrorRecord,
    FrameSpec,
    Span,
    chunk_seqs,
    make_decoder,
)
from netassistant.core.i18n import Text, translatable

# (session stopped, one byte) -> message for bytes of a message cut short by the end.
_UNFINISHED = {
    (False, True): translatable(
        "the connection ended with {count} byte of an unfinished message; dropping them"
    ),
    (False, False): translatable(
        "the connection ended with {count} bytes of an unfinished message; dropping them"
    ),
    (True, True): translatable(
        "the session stopped with {count} byte of an unfinished message; dropping them"
    ),
    (True, False): translatable(
        "the session stopped with {count} bytes of an unfinished message; dropping them"
    ),
}


@dataclass(frozen=True, slots=True)
class DecodedMessage:
    """One message cut from a connection's received bytes.

    Attributes:
        conn_id: Connection it arrived on.
        peer: Peer address, formatted.
        index: Message number on this connection (per peer on UDP), from 0.
        payload: The message without header, delimiter and (if set) checksum.
        frame: The full frame as it was on the wire.
        spans: Where the frame's bytes came from, in order; lengths add up to ``len(frame)``.
        checksum_ok: True/False when a checksum is set, None otherwise.
        expected: Checksum computed over the payload (``b""`` without a checksum, or
            when the message is shorter than one).
        found: Checksum bytes at the end of the message (``b""`` without a checksum).
        ts_ns: Time of the chunk that completed the message.
        last_chunk_length: Length of the chunk holding the frame's last byte.
    """

    conn_id: int
    peer: str
    index: int
    payload: bytes
    frame: bytes
    spans: tuple[Span, ...]
    checksum_ok: bool | None = None
    expected: bytes = b""
    found: bytes = b""
    ts_ns: int = 0
    last_chunk_length: int = -1

    @property
    def chunk_seqs(self) -> tuple[int, ...]:
        """Seqs of the chunks the frame came from, in order, each once."""
        return chunk_seqs(self.spans)


@dataclass(frozen=True, slots=True)
class DecodeError:
    """Bytes the decoder gave up on, and why in plain words (a record, not an exception).

    Attributes:
        conn_id: Connection the bytes arrived on.
        message: What went wrong, e.g. ``length 70000 exceeds the maximum 65536 bytes; ...``.
        spans: Where the dropped bytes came from, in order.
        peer: Peer address, formatted.
        ts_ns: Time of the chunk or event that revealed the problem.
        last_chunk_length: Length of the chunk holding the last dropped byte (-1: unknown).
    """

    conn_id: int
    message: str
    spans: tuple[Span, ...]
    peer: str = ""
    ts_ns: int = 0
    last_chunk_length: int = -1

    @property
    def chunk_seqs(self) -> tuple[int, ...]:
        """Seqs of the chunks the dropped bytes came from, in order, each once."""
        return chunk_seqs(self.spans)

    @property
    def length(self) -> int:
        """Number of bytes dropped."""
        return sum(span.length for span in self.spans)


Decoded = DecodedMessage | DecodeError


class _Stream:
    """One connection's (or UDP peer's) framing state."""

    __slots__ = ("decoder", "index", "last_len")

    def __init__(self, decoder: Decoder | None) -> None:
        self.decoder = decoder
        self.index = 0  # message numbers when there is no framing decoder
        self.last_len = -1  # length of the last chunk fed


class MessageDecoder:
    """Cuts the RX chunks of a pane into messages, one framing decoder per connection.

    Not thread-safe: feed it from one thread.

    Attributes:
        spec: The framing, or None to take every RX chunk (every datagram) as one message.
        checksum: Name of a checksum in :data:`netassistant.core.checksum.ALGORITHMS`
            that ends every payload, or None.
        checksum_byteorder: ``"little"``, ``"big"`` or None for the checksum's default.

    Raises:
        ChecksumError: For an unknown checksum name.
        ValueError: For a byte order other than ``"little"`` or ``"big"``.
    """

    def __init__(
        self,
        spec: FrameSpec | None,
        checksum: str | None = None,
        checksum_byteorder: str | None = None,
    ) -> None:
        if checksum is not None:
            checksum_bytes(checksum, b"", checksum_byteorder)  # fail now, not per message
        self.spec = spec
        self.checksum = checksum
        self.checksum_byteorder = checksum_byteorder
        self._streams: dict[tuple[int, str], _Stream] = {}

    def reset(self) -> None:
        """Forget all buffered bytes; message numbers start from 0 again."""
        self._streams.clear()

    def pending(self, conn_id: int) -> int:
        """Bytes of connection ``conn_id`` buffered that do not yet make a full message."""
        return sum(
            stream.decoder.pending
            for (conn, _peer), stream in self._streams.items()
            if conn == conn_id and stream.decoder is not None
        )

    def feed(self, events: Iterable[object]) -> list[Decoded]:
        """Decode a batch of events (in seq order).

        RX chunks are decoded; TX chunks are skipped. A connection's end (closed, reset,
        aborted) or the session's stop drops its buffered bytes and reports them as a
        :class:`DecodeError` if there were any.

        Returns:
            Messages and errors in stream order.
        """
        out: list[Decoded] = []
        for event in events:
            if isinstance(event, Chunk):
                if event.direction is Direction.RX and event.data:
                    self._feed_chunk(event, out)
            elif isinstance(event, ConnEvent):
                if event.kind in ENDING_KINDS:
                    self._end(out, event, event.conn_id)
                elif event.kind is EventKind.STOPPED:
                    self._end(out, event, None)
        return out

    def _feed_chunk(self, chunk: Chunk, out: list[Decoded]) -> None:
        key = (chunk.conn_id, chunk.peer)
        stream = self._streams.get(key)
        if stream is None:
            decoder = make_decoder(self.spec) if self.spec is not None else None
            stream = self._streams[key] = _Stream(decoder)
        size = len(chunk.data)
        stream.last_len = size
        if stream.decoder is None:
            span = (Span(chunk.seq, 0, size),)
            out.append(self._message(chunk, stream.index, chunk.data, chunk.data, span))
            stream.index += 1
            return
        for item in stream.decoder.feed(chunk.data, chunk.seq):
            if isinstance(item, FrameErrorRecord):
                out.append(
                    DecodeError(
                        chunk.conn_id, item.message, item.spans, chunk.peer, chunk.ts_ns, size
                    )
                )
            else:
                out.append(self._message(chunk, item.index, item.payload, item.frame, item.spans))

    def _message(
        self, chunk: Chunk, index: int, payload: bytes, frame: bytes, spans: tuple[Span, ...]
    ) -> DecodedMessage:
        ok: bool | None = None
        expected = found = b""
        if self.checksum is not None:
            result = verify_checksum(self.checksum, payload, self.checksum_byteorder)
            ok, expected, found = result.ok, result.expected, result.found
            payload = payload[: len(payload) - len(found)]
        return DecodedMessage(
            chunk.conn_id,
            chunk.peer,
            index,
            payload,
            frame,
            spans,
            ok,
            expected,
            found,
            chunk.ts_ns,
            len(chunk.data),
        )

    def _end(self, out: list[Decoded], event: ConnEvent, conn_id: int | None) -> None:
        """Drop the streams of ``conn_id`` (None: all), reporting unfinished messages."""
        for key in [key for key in self._streams if conn_id is None or key[0] == conn_id]:
            stream = self._streams.pop(key)
            decoder = stream.decoder
            if decoder is None or not decoder.pending:
                continue
            count = decoder.pending
            out.append(
                DecodeError(
                    key[0],
                    Text(_UNFINISHED[conn_id is None, count == 1], count=count),
                    decoder.pending_spans(),
                    key[1],
                    event.ts_ns,
                    stream.last_len,
                )
            )
