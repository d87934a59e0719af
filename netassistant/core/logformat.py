"""Chunks, events and framed messages as log records: NetAssist-like text and JSON.

Shared by the CLI's output and by "save log" in the window, so a log written by
either reads the same.
"""

from __future__ import annotations

import time

from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, EventKind
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

# Framing is imported by the functions that draw framed messages: a log of raw chunks
# (the CLI without --frame) never loads it.

#: JSON ``event`` names for connection events; CLOSED/RESET/LOCAL_CLOSE/ABORTED are all
#: "close" with a ``reason``, so a script can wait for one word.
EVENT_NAMES: dict[EventKind, str] = {
    EventKind.LISTENING: "listening",
    EventKind.ACCEPTED: "open",
    EventKind.CONNECTING: "connecting",
    EventKind.CONNECTED: "open",
    EventKind.CLOSED: "close",
    EventKind.RESET: "close",
    EventKind.LOCAL_CLOSE: "close",
    EventKind.ABORTED: "close",
    EventKind.HALF_CLOSED: "half_close",
    EventKind.SEND_PROGRESS: "progress",
    EventKind.DROPPED: "dropped",
    EventKind.ERROR: "error",
    EventKind.STOPPED: "stopped",
    EventKind.PEER_FIN: "peer_fin",
    EventKind.STATE: "state",
    EventKind.SEGMENT: "segment",
    EventKind.TLS: "tls",
    EventKind.FAULT: "fault",
}
CLOSE_REASONS: dict[EventKind, str] = {
    EventKind.CLOSED: "fin",
    EventKind.RESET: "rst",
    EventKind.LOCAL_CLOSE: "local",
    EventKind.ABORTED: "abort",
}


def clock(ts_ns: int) -> str:
    """``HH:MM:SS.mmm`` local time, as NetAssist shows it."""
    seconds, ns = divmod(ts_ns, 1_000_000_000)
    return time.strftime("%H:%M:%S", time.localtime(seconds)) + f".{ns // 1_000_000:03d}"


def _text(data: bytes, encoding: str) -> str:
    from netassistant.core.codec import decode_segments

    return "".join(text for text, _special in decode_segments(data, encoding))


def _hex(data: bytes) -> str:
    from netassistant.core.codec import format_hex

    return format_hex(data)


def relay_leg(chunk: Chunk) -> str:
    """A relay chunk's leg: ``server`` (the upstream socket) or ``client``."""
    return "server" if chunk.flags & ChunkFlag.SERVER_LEG else "client"


def relay_hop(chunk: Chunk) -> tuple[str, str]:
    """Where a relay chunk went, as (from, to).

    ``("client", "relay")`` for a client's write read by the relay, ``("relay", "server")``
    for the relay's write to the server, and so on.
    """
    leg = relay_leg(chunk)
    return (leg, "relay") if chunk.direction is Direction.RX else ("relay", leg)


def chunk_record(
    chunk: Chunk,
    encoding: str = "utf-8",
    *,
    udp: bool = False,
    limit: int | None = None,
    relay: bool = False,
) -> dict[str, Any]:
    """One chunk as a JSON-ready dict (the CLI's ``--json`` line).

    Args:
        chunk: The chunk.
        encoding: For the ``text`` field.
        udp: Add ``truncated`` and ``orig_len``.
        limit: Show at most this many bytes in ``hex`` and ``text`` (None: all); a longer
            chunk gets ``"shown": limit`` and keeps its true ``len``.
        relay: Add ``leg`` (``client`` or ``server``: which socket of the relay the
            chunk was read from or written to).
    """
    data = chunk.data if limit is None else chunk.data[:limit]
    record: dict[str, Any] = {
        "event": "chunk",
        "seq": chunk.seq,
        "ts": round(chunk.ts_ns / 1e9, 6),
        "conn": chunk.conn_id,
        "dir": chunk.direction.value,
        **({"leg": relay_leg(chunk)} if relay else {}),
        "local": chunk.local,
        "peer": chunk.peer,
        "len": len(chunk.data),
        "hex": data.hex(),
        "text": _text(data, encoding),
    }
    if len(data) < len(chunk.data):
        record["shown"] = len(data)
    if udp:
        record["truncated"] = chunk.truncated
        record["orig_len"] = chunk.true_length
    return record


def event_record(event: ConnEvent) -> dict[str, Any]:
    """One connection event as a JSON-ready dict."""
    record: dict[str, Any] = {
        "event": EVENT_NAMES[event.kind],
        "kind": event.kind.value,
        "seq": event.seq,
        "ts": round(event.ts_ns / 1e9, 6),
        "conn": event.conn_id,
        "local": event.local,
        "peer": event.peer,
        "message": event.message,
    }
    if event.kind in CLOSE_REASONS:
        record["reason"] = CLOSE_REASONS[event.kind]
    if event.kind is EventKind.SEND_PROGRESS:
        record["sent"] = event.sent
        record["total"] = event.total
    if event.kind is EventKind.DROPPED:
        record["dropped"] = event.sent
        record["dropped_total"] = event.total
    if event.detail:
        # The detail's keys are documented on ConnEvent; they never shadow the above: a
        # segment's TCP sequence number is "tcp_seq" next to the record's own "seq".
        for key, value in event.detail.items():
            record.setdefault(f"tcp_{key}" if key in record else key, value)
    return record


def message_record(message: Any, conn_id: int, encoding: str = "utf-8") -> dict[str, Any]:
    """A framed message as a JSON-ready dict.

    ``message`` is a :class:`~netassistant.core.decoding.DecodedMessage` (or anything with
    ``index``, ``payload`` and ``spans``); a verified checksum adds ``checksum_ok``.
    """
    from netassistant.core.framing import chunk_seqs, span_fields

    record = {
        "event": "message",
        "conn": conn_id,
        "index": message.index,
        "len": len(message.payload),
        "hex": message.payload.hex(),
        "text": _text(message.payload, encoding),
        "chunks": list(chunk_seqs(message.spans)),
        "spans": [span_fields(span) for span in message.spans],
    }
    checksum_ok = getattr(message, "checksum_ok", None)
    if checksum_ok is not None:
        record["checksum_ok"] = checksum_ok
    return record


def chunk_line(
    chunk: Chunk,
    encoding: str = "utf-8",
    show: str = "both",
    limit: int | None = None,
    *,
    relay: bool = False,
) -> str:
    """NetAssist-like text log line for a chunk.

    ``12:00:01.234 RX #1 127.0.0.1:50000 chunk 7 len 10 | 68 65 6C ... | helloworld``

    A relay's chunk names its hop after the direction: ``RX client->relay``,
    ``TX relay->server``, ``RX server->relay``, ``TX relay->client``.

    With ``limit``, a longer chunk shows its first ``limit`` bytes and says so
    (``len 1000000 (first 1024 shown)``): a 100 MB send stays one short line.
    """
    arrow = "RX" if chunk.direction.value == "rx" else "TX"
    if relay:
        arrow += " {}->{}".format(*relay_hop(chunk))
    head = (
        f"{clock(chunk.ts_ns)} {arrow} #{chunk.conn_id} {chunk.peer or '-'} "
        f"chunk {chunk.seq} len {len(chunk.data)}"
    )
    if chunk.truncated:
        head += f" (TRUNCATED from {chunk.true_length})"
    data = chunk.data
    if limit is not None and len(data) > limit:
        data = data[:limit]
        head += f" (first {limit} shown)"
    parts = [head]
    if show in ("hex", "both"):
        parts.append(_hex(data))
    if show in ("text", "both"):
        parts.append(_text(data, encoding))
    return " | ".join(parts)


def event_line(event: ConnEvent) -> str:
    """Text log line for a connection event."""
    what = event.message or event.kind.value
    if event.kind is EventKind.SEND_PROGRESS and not event.message:
        what = f"sent {event.sent} of {event.total} bytes to {event.peer}"
    return f"{clock(event.ts_ns)} -- {event.kind.value.upper()} #{event.conn_id} {what}"


def message_line(message: Any, conn_id: int, encoding: str = "utf-8", show: str = "both") -> str:
    """Text log line for a framed message, with the chunks it came from."""
    from netassistant.core.framing import seqs_text

    seqs = seqs_text(message.spans)
    parts = [
        f"   MSG #{conn_id} message {message.index} len {len(message.payload)} from chunk {seqs}"
    ]
    if show in ("hex", "both"):
        parts.append(_hex(message.payload))
    if show in ("text", "both"):
        parts.append(_text(message.payload, encoding))
    return " | ".join(parts)
