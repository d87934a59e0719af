"""Decoded records, and their spans: where a record's bytes came from, in bounded memory.

A decoder returns :class:`Message` s and :class:`FrameErrorRecord` s; each carries the
:class:`Span` s of the chunks its bytes were cut from.

A decoder remembers, for every buffered byte, which chunk it came from. A peer that
trickles a large frame one byte per ``recv()`` makes that one piece per byte, so the
bookkeeping is packed (three machine integers per piece, in one array, not an object per
piece) and a record cut from more than :data:`MAX_SPANS` chunks folds the chunks between
its first and its last into one :class:`SpanRun`. Records from fewer chunks, which is
every ordinary case, keep one exact span per chunk.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

#: Records from more chunks than this keep exact spans only for their first and last chunk.
MAX_SPANS = 64

# --- spans ------------------------------------------------------------------------------------


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

    @property
    def last_seq(self) -> int:
        """The chunk holding the range's last byte (``chunk_seq``; later for a run)."""
        return self.chunk_seq


@dataclass(frozen=True, slots=True)
class SpanRun(Span):
    """Several chunks of the connection in a row, standing in for one span each.

    From byte ``start`` of chunk ``chunk_seq`` to byte ``end`` (excluded) of chunk
    ``last_seq``, every chunk of this connection in between whole. Runs only appear
    between the first and the last span of a record cut from more than :data:`MAX_SPANS`
    chunks, so a record's first and last span are always plain.

    Attributes:
        run_end_seq: The run's last chunk (:attr:`last_seq`).
        size: The run's byte count.
    """

    run_end_seq: int = 0
    size: int = 0

    @property
    def length(self) -> int:
        """Number of bytes in the run."""
        return self.size

    @property
    def last_seq(self) -> int:
        """The run's last chunk."""
        return self.run_end_seq


def chunk_seqs(spans: tuple[Span, ...]) -> tuple[int, ...]:
    """Seqs of the chunks ``spans`` point into, in order, each once.

    A run contributes its first and last seq; the chunks between them are not listed.
    """
    seqs: dict[int, None] = {}
    for span in spans:
        seqs[span.chunk_seq] = None
        seqs[span.last_seq] = None
    return tuple(seqs)


def span_fields(span: Span) -> list[int]:
    """A span as a JSON-ready list.

    ``[seq, start, end]``, or for a run ``[first_seq, start, end, last_seq, size]``.
    """
    if isinstance(span, SpanRun):
        return [span.chunk_seq, span.start, span.end, span.run_end_seq, span.size]
    return [span.chunk_seq, span.start, span.end]


def seqs_text(spans: tuple[Span, ...]) -> str:
    """The chunks of ``spans`` for a log line: ``7,8``, with a run as ``9-120``."""
    parts = [
        f"{span.chunk_seq}-{span.last_seq}" if isinstance(span, SpanRun) else str(span.chunk_seq)
        for span in spans
    ]
    return ",".join(dict.fromkeys(parts))


# --- decoded records --------------------------------------------------------------------------


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


# --- bookkeeping -----------------------------------------------------------------------------


class SpanLog:
    """Where the buffered bytes of a stream came from, front first.

    One ``(seq, start, end)`` piece per chunk (or per part of a chunk still buffered), packed
    into one ``array('q')``; consumed pieces are dropped from the front by moving a head
    index, and the array is compacted once the dead part outweighs the live one.
    """

    __slots__ = ("_head", "_items")

    def __init__(self) -> None:
        self._items = array("q")
        self._head = 0  # index in _items of the first live piece's seq

    def __len__(self) -> int:
        return (len(self._items) - self._head) // 3

    def clear(self) -> None:
        """Forget every piece."""
        del self._items[:]
        self._head = 0

    def add(self, seq: int, start: int, end: int) -> None:
        """Append bytes ``[start, end)`` of chunk ``seq``; a continuation extends the last piece."""
        items = self._items
        # Consumed pieces are cleared as soon as none is left, so non-empty means live ones.
        if items and items[-1] == start and items[-3] == seq:
            items[-1] = end
        else:
            items.extend((seq, start, end))

    def spans(self) -> tuple[Span, ...]:
        """All buffered pieces as spans (folded as :func:`_fold` says), without consuming them."""
        items = self._items
        head = self._head
        count = (len(items) - head) // 3
        return _fold(items, head, count, count and items[len(items) - 1])

    def take(self, size: int) -> tuple[Span, ...]:
        """Consume ``size`` bytes from the front; return where they came from."""
        items = self._items
        head = self._head
        start = items[head + 1]
        if items[head + 2] - start > size:
            # The common case, many frames in one chunk: the first piece outlasts the frame.
            items[head + 1] = start + size
            return (Span(items[head], start, start + size),)
        spans: list[Span] = []
        index = head
        left = size
        # Walk to the piece holding the last byte; pieces before it are consumed whole.
        while True:
            seq, start, end = items[index], items[index + 1], items[index + 2]
            if end - start >= left:
                break
            left -= end - start
            if len(spans) < MAX_SPANS:
                spans.append(Span(seq, start, end))
            index += 3
        cut = start + left
        count = (index - head) // 3 + 1
        if count <= MAX_SPANS:
            spans.append(Span(seq, start, cut))
            result = tuple(spans)
        else:
            result = _fold(items, head, count, cut)
        if cut == end:
            index += 3
        else:
            items[index + 1] = cut  # the rest of that chunk stays buffered
        if index == len(items):
            del items[:]
            index = 0
        elif index > 3 * 1024 and index * 2 > len(items):
            del items[:index]  # compact once the dead front outweighs the live pieces
            index = 0
        self._head = index
        return result


def _fold(items: array[int], head: int, count: int, last_end: int) -> tuple[Span, ...]:
    """``count`` pieces from ``head`` as spans, the last one cut at ``last_end``.

    Up to :data:`MAX_SPANS` pieces give one exact span each; more give the first piece, one
    run for every piece between, and the last piece.
    """
    if count == 0:
        return ()
    last = head + 3 * (count - 1)
    if count <= MAX_SPANS:
        spans = [Span(items[i], items[i + 1], items[i + 2]) for i in range(head, last, 3)]
        spans.append(Span(items[last], items[last + 1], last_end))
        return tuple(spans)
    size = 0
    for i in range(head + 3, last, 3):
        size += items[i + 2] - items[i + 1]
    run = SpanRun(items[head + 3], items[head + 4], items[last - 1], items[last - 3], size)
    first = Span(items[head], items[head + 1], items[head + 2])
    return (first, run, Span(items[last], items[last + 1], last_end))
