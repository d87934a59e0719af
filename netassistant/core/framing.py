"""Framing: cut a received byte stream into messages, and build frames to send.

TCP is a byte stream: one send() by the peer can arrive as several recv() chunks, and several
sends can arrive as one chunk (粘包, "sticky packets"). The receive view shows the raw chunks
untouched; a decoder from this module runs beside it and shows which messages those chunks
really carry. Every decoded record carries :class:`Span` ranges that point back into the chunks,
so a view can draw both and link them.

Three framings exist, each named by a short spec string (``--frame`` on the command line,
``SessionConfig.framing`` in profiles):

* ``delimiter:\\r\\n`` (escapes ``\\r \\n \\t \\0 \\xNN \\\\``) or ``delimiter-hex:0d0a``:
  every message ends with the delimiter. The hex form also takes ``:keep`` (keep the
  delimiter in the payload) and ``:max=N``.
* ``fixed:16``: every message is exactly that many bytes.
* ``length:!I`` (any single-integer :mod:`struct` format): a length header precedes each
  payload; options ``:incl`` (the length counts the header too) and ``:max=N``.
"""

from __future__ import annotations

import re
import string
import struct
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from netassistant.core.i18n import Text, translatable

DELIMITER = "delimiter"
FIXED = "fixed"
LENGTH = "length"

#: Largest payload a decoder accepts unless the spec says otherwise (1 MiB).
DEFAULT_MAX_LENGTH = 1048576
#: Largest size of a fixed-length frame.
MAX_FIXED_SIZE = 1048576

# One integer code with an optional byte-order prefix; repeat counts ("2H") are refused too,
# because a header must unpack to exactly one number.
_INT_FORMAT = re.compile(r"[@=<>!]?[bBhHiIlLqQnN]")
_SIMPLE_ESCAPES = {"r": b"\r", "n": b"\n", "t": b"\t", "0": b"\0", "\\": b"\\"}
_ESCAPE_OUT = {0x0D: "\\r", 0x0A: "\\n", 0x09: "\\t", 0x5C: "\\\\"}


class FramingError(ValueError):
    """A framing spec, frame or payload that cannot be used; the message says why.

    ``args[0]`` is the message as a translatable :class:`~netassistant.core.i18n.Text`;
    ``str(exc)`` is its English text.
    """


def _unknown_kind(kind: str) -> Text:
    return Text("unknown framing {kind!r}; use delimiter:..., fixed:N or length:FMT", kind=kind)


def _check_int_format(fmt: str) -> None:
    message = Text("{fmt!r} is not a single integer struct format (try !I, <H or B)", fmt=fmt)
    if not isinstance(fmt, str) or not _INT_FORMAT.fullmatch(fmt):
        raise FramingError(message)
    try:
        struct.calcsize(fmt)
    except struct.error:
        # n/N exist only in native mode ("@" or no prefix).
        raise FramingError(message) from None


def _is_count(value: object, low: int, high: int | None = None) -> bool:
    # bool is an int subclass, but True is not a byte count.
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        return False
    return high is None or value <= high


@dataclass(frozen=True, slots=True)
class FrameSpec:
    """How a byte stream is cut into messages.

    Attributes:
        kind: ``"delimiter"``, ``"fixed"`` or ``"length"``.
        delimiter: The bytes that end each message (delimiter framing).
        size: Bytes per message (fixed framing).
        fmt: :mod:`struct` format of the length header, one integer field (length framing).
        header_counted: The length value includes the header itself (length framing).
        max_length: Largest payload accepted (delimiter and length framing).
        keep_delimiter: Keep the delimiter at the end of each decoded payload.

    Raises:
        FramingError: On construction, if the fields the kind needs are unusable.
    """

    kind: str
    delimiter: bytes = b""
    size: int = 0
    fmt: str = ""
    header_counted: bool = False
    max_length: int = DEFAULT_MAX_LENGTH
    keep_delimiter: bool = False

    def __post_init__(self) -> None:
        # Validating here means decoders and encoders never meet a spec they cannot run.
        if self.kind == DELIMITER:
            if not self.delimiter:
                raise FramingError(Text("empty delimiter"))
        elif self.kind == FIXED:
            if not _is_count(self.size, 1, MAX_FIXED_SIZE):
                raise FramingError(
                    Text(
                        "fixed length must be a whole number of bytes from 1 to {largest}",
                        largest=MAX_FIXED_SIZE,
                    )
                )
        elif self.kind == LENGTH:
            _check_int_format(self.fmt)
        else:
            raise FramingError(_unknown_kind(str(self.kind)))
        if not _is_count(self.max_length, 1):
            raise FramingError(Text("max must be a whole number of bytes, at least 1"))

    @property
    def header_size(self) -> int:
        """Size of the length header in bytes (0 unless length framing)."""
        return struct.calcsize(self.fmt) if self.kind == LENGTH else 0


# --- spec strings -----------------------------------------------------------------------------


def _unescape(text: str) -> bytes:
    """Turn delimiter text with escapes into bytes; other characters become UTF-8."""
    out = bytearray()
    pos = 0
    while pos < len(text):
        slash = text.find("\\", pos)
        if slash < 0:
            slash = len(text)
        try:
            # surrogateescape gives back the raw bytes of a command-line argument that was
            # not valid in the locale's encoding.
            out += text[pos:slash].encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raise FramingError(Text("delimiter text cannot be encoded as UTF-8")) from None
        if slash == len(text):
            break
        code = text[slash + 1 : slash + 2]
        if code in _SIMPLE_ESCAPES:
            out += _SIMPLE_ESCAPES[code]
            pos = slash + 2
        elif code == "x":
            digits = text[slash + 2 : slash + 4]
            if len(digits) != 2 or not all(c in string.hexdigits for c in digits):
                raise FramingError(
                    Text("\\x needs two hex digits (at position {position})", position=slash)
                )
            out.append(int(digits, 16))
            pos = slash + 4
        elif not code:
            raise FramingError(
                Text("delimiter ends with a lone backslash; write \\\\ for a backslash")
            )
        else:
            raise FramingError(
                Text(
                    "unknown escape '\\{code}' in delimiter; use \\r \\n \\t \\0 \\xNN or \\\\",
                    code=code,
                )
            )
    return bytes(out)


def _escape(data: bytes) -> str:
    """Inverse of :func:`_unescape`, producing printable ASCII only."""
    parts = []
    last = len(data) - 1
    for pos, byte in enumerate(data):
        if byte in _ESCAPE_OUT:
            parts.append(_ESCAPE_OUT[byte])
        elif 0x20 < byte < 0x7F or (byte == 0x20 and 0 < pos < last):
            parts.append(chr(byte))
        else:
            # Spaces at the ends are escaped so that trimming a config field cannot lose them.
            parts.append(f"\\x{byte:02x}")
    return "".join(parts)


def _parse_options(options: list[str], allowed: tuple[str, ...], unknown: str) -> dict[str, int]:
    """Parse ``flag`` and ``max=N`` options; returns {name: value}, flags as 1.

    ``unknown`` is the template (with ``{option}``) for an option not in ``allowed``.
    """
    found: dict[str, int] = {}
    for raw in options:
        option = raw.strip().lower()
        if not option:
            continue  # a stray trailing colon harms nobody
        if option in allowed:
            found[option] = 1
        elif option.startswith("max="):
            value = option[4:].strip()
            if not value.isdigit() or not value.isascii() or int(value) < 1:
                raise FramingError(
                    Text(
                        "max must be a whole number of bytes, at least 1 (got {value!r})",
                        value=value,
                    )
                )
            found["max"] = int(value)
        else:
            raise FramingError(Text(unknown, option=raw.strip()))
    return found


def parse_frame_spec(text: str) -> FrameSpec | None:
    """Parse a framing spec string.

    Args:
        text: ``""``/``"none"`` for raw chunks only, or ``delimiter:\\r\\n``,
            ``delimiter-hex:0d0a[:keep][:max=N]``, ``fixed:N`` or
            ``length:FMT[:incl][:max=N]``. Everything after ``delimiter:`` is the delimiter,
            spaces and colons included.

    Returns:
        The spec, or None for no framing.

    Raises:
        FramingError: If the text is not a valid spec; the message says what to write instead.
    """
    if text.strip().lower() in ("", "none"):
        return None
    head, _, rest = text.lstrip().partition(":")
    kind = head.strip().lower()
    if kind == DELIMITER:
        return FrameSpec(DELIMITER, delimiter=_unescape(rest))
    if kind == "delimiter-hex":
        hex_text, *options = rest.split(":")
        hex_text = hex_text.strip()
        if not hex_text:
            raise FramingError(Text("empty delimiter"))
        try:
            delimiter = bytes.fromhex(hex_text)
        except ValueError:
            raise FramingError(
                Text(
                    "{hex!r} is not valid hex for a delimiter (two digits per byte, e.g. 0d0a)",
                    hex=hex_text,
                )
            ) from None
        unknown = translatable(
            "unknown option {option!r} for delimiter-hex framing; use keep or max=N"
        )
        found = _parse_options(options, ("keep",), unknown)
        return FrameSpec(
            DELIMITER,
            delimiter=delimiter,
            keep_delimiter=bool(found.get("keep")),
            max_length=found.get("max", DEFAULT_MAX_LENGTH),
        )
    if kind == FIXED:
        size = rest.strip()
        if not (size.isdigit() and size.isascii()):
            size = "0"  # let FrameSpec word the error once
        return FrameSpec(FIXED, size=int(size))
    if kind == LENGTH:
        fmt, *options = rest.split(":")
        fmt = fmt.strip()
        if not fmt:
            raise FramingError(
                Text("length framing needs a struct format, e.g. length:!I or length:<H")
            )
        _check_int_format(fmt)
        unknown = translatable("unknown option {option!r} for length framing; use incl or max=N")
        found = _parse_options(options, ("incl",), unknown)
        return FrameSpec(
            LENGTH,
            fmt=fmt,
            header_counted=bool(found.get("incl")),
            max_length=found.get("max", DEFAULT_MAX_LENGTH),
        )
    raise FramingError(_unknown_kind(head.strip()))


def format_frame_spec(spec: FrameSpec | None) -> str:
    """Write a spec as the string :func:`parse_frame_spec` reads back to an equal spec.

    Only the fields the spec's kind uses are written.

    Args:
        spec: The spec, or None for no framing.

    Returns:
        The spec string; ``""`` for None.
    """
    if spec is None:
        return ""
    max_option = "" if spec.max_length == DEFAULT_MAX_LENGTH else f":max={spec.max_length}"
    if spec.kind == DELIMITER:
        if spec.keep_delimiter or max_option:
            # Options need the hex form: the escaped form's delimiter may itself contain ":".
            keep = ":keep" if spec.keep_delimiter else ""
            return f"delimiter-hex:{spec.delimiter.hex()}{keep}{max_option}"
        return f"delimiter:{_escape(spec.delimiter)}"
    if spec.kind == FIXED:
        return f"fixed:{spec.size}"
    incl = ":incl" if spec.header_counted else ""
    return f"length:{spec.fmt}{incl}{max_option}"


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


def _chunk_seqs(spans: tuple[Span, ...]) -> tuple[int, ...]:
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
        return _chunk_seqs(self.spans)


@dataclass(frozen=True, slots=True)
class FrameErrorRecord:
    """Bytes a decoder gave up on, and why in plain words."""

    message: str  # a translatable Text
    spans: tuple[Span, ...]

    @property
    def chunk_seqs(self) -> tuple[int, ...]:
        """Seqs of the chunks the dropped bytes came from, in order, each once."""
        return _chunk_seqs(self.spans)


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


# --- encoders ---------------------------------------------------------------------------------


def _largest(fmt: str) -> int:
    code = fmt[-1]
    bits = 8 * struct.calcsize(fmt)
    return 2 ** (bits - 1) - 1 if code.islower() else 2**bits - 1


def encode_frame(spec: FrameSpec, payload: bytes) -> bytes:
    """Build the frame that carries one payload, as the matching decoder expects it.

    Args:
        spec: The framing.
        payload: The message.

    Returns:
        The frame bytes to send.

    Raises:
        FramingError: If the payload cannot be framed so that a decoder gets it back intact.
    """
    payload = bytes(payload)
    size = len(payload)
    if spec.kind == FIXED:
        if size != spec.size:
            if size == 1:
                template = translatable(
                    "payload is {size} byte but fixed framing needs exactly {needed} bytes"
                )
            elif spec.size == 1:
                template = translatable(
                    "payload is {size} bytes but fixed framing needs exactly {needed} byte"
                )
            else:
                template = translatable(
                    "payload is {size} bytes but fixed framing needs exactly {needed} bytes"
                )
            raise FramingError(Text(template, size=size, needed=spec.size))
        return payload
    if size > spec.max_length:
        raise FramingError(
            Text(
                "payload of {size} bytes exceeds the maximum {limit} bytes",
                size=size,
                limit=spec.max_length,
            )
        )
    if spec.kind == DELIMITER:
        delimiter = spec.delimiter
        if delimiter in payload:
            raise FramingError(
                Text("payload contains the delimiter; it would be split into two messages")
            )
        frame = payload + delimiter
        if frame.find(delimiter) != size:
            # e.g. delimiter "==" after a payload ending in "=": the decoder stops one byte early.
            raise FramingError(
                Text(
                    "payload ends with the start of the delimiter; the message would end too early"
                )
            )
        return frame
    value = size + spec.header_size if spec.header_counted else size
    largest = _largest(spec.fmt)
    if value > largest:
        raise FramingError(
            Text(
                "length {value} does not fit the {fmt!r} header (largest is {largest})",
                value=value,
                fmt=spec.fmt,
                largest=largest,
            )
        )
    return struct.pack(spec.fmt, value) + payload


def encode_frames(spec: FrameSpec, payloads: Iterable[bytes]) -> bytes:
    """Build the frames for several payloads, back to back.

    Args:
        spec: The framing.
        payloads: The messages, in order.

    Returns:
        The concatenated frames.

    Raises:
        FramingError: As :func:`encode_frame`, for the first payload that cannot be framed.
    """
    return b"".join(encode_frame(spec, payload) for payload in payloads)
