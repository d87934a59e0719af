"""Reading a recorded session for replay: JSONL logs and pcap files, streamed.

A replay sends ONE side's recorded chunks again, one send per recorded chunk (so the
message boundaries are kept), at the recorded times scaled by a speed factor. This
module reads the recordings; :mod:`netassistant.core.sending.replay` sends them.

* **JSONL**: the CLI's ``--json`` output and the capture box's JSONL format
  (:func:`netassistant.core.logformat.chunk_record`): the ``chunk`` records whose ``dir``
  is the chosen side (``rx`` or ``tx``), optionally only those of one ``peer``.
* **pcap** (recognised by its magic number): TCP payloads and UDP datagrams, Ethernet,
  raw IP or Linux cooked captures. ``tx`` means the packets sent by the endpoint that
  spoke first (the one that sent the first SYN, or else the first payload), ``rx`` the
  packets sent to it; ``peer`` (``host:port``) picks the sender instead. TCP
  retransmissions (a sequence number already seen) are left out.

A file is checked whole with :func:`scan` before anything is sent, so a corrupt line
half-way down is an error before the first byte goes, never a replay cut short in
silence. Lines are read one at a time (at most :data:`MAX_LINE` bytes), so a huge file
takes no more memory than its longest chunk. Files are opened with
:func:`netassistant.core.safefile.open_regular`: a FIFO or device is refused, not read
for ever.
"""

from __future__ import annotations

import ipaddress
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from netassistant.core.chunk import format_address
from netassistant.core.i18n import text
from netassistant.core.safefile import open_regular

#: The longest JSONL line read (a 16 MiB chunk in hex, and its text).
MAX_LINE = 64 * 1024 * 1024
#: Slowest and fastest replay speeds (0 means "as fast as possible").
MIN_SPEED, MAX_SPEED = 0.1, 100.0
SIDES = ("rx", "tx")
_PCAP_MAGICS = {b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d"}


class ReplayError(ValueError):
    """A recording that cannot be replayed; ``args[0]`` says why (translatable)."""


@dataclass(frozen=True, slots=True)
class ReplaySource:
    """What to replay.

    Attributes:
        path: The JSONL or pcap file.
        side: ``"rx"`` or ``"tx"``: whose sends (see the module docstring).
        peer: Only the chunks of this peer (JSONL) or sender (pcap), ``host:port``; ""
            for all.
        speed: 1.0 keeps the recorded timing, 10.0 is ten times faster; 0 sends as fast
            as the socket takes it.
    """

    path: str
    side: str = "tx"
    peer: str = ""
    speed: float = 1.0

    def check(self) -> None:
        """Raise :class:`ReplayError` for a bad side or speed."""
        if self.side not in SIDES:
            raise ReplayError(text("the side must be rx or tx, not {side!r}", side=self.side))
        speed = self.speed
        if (
            isinstance(speed, bool)
            or not isinstance(speed, int | float)
            or not math.isfinite(speed)
            or (speed != 0 and not MIN_SPEED <= speed <= MAX_SPEED)
        ):
            raise ReplayError(
                text(
                    "the replay speed must be from {low} to {high} (or 0: as fast as "
                    "possible), not {speed}",
                    low=MIN_SPEED,
                    high=MAX_SPEED,
                    speed=speed,
                )
            )


@dataclass(frozen=True, slots=True)
class ReplaySummary:
    """What a recording holds for the chosen side.

    Attributes:
        count: Sends (one per recorded chunk).
        total_bytes: Their bytes.
        duration: Seconds from the first to the last, as recorded.
    """

    count: int
    total_bytes: int
    duration: float


def scan(source: ReplaySource) -> ReplaySummary:
    """Read the whole recording once and check it; nothing is sent.

    Raises:
        ReplayError: a bad side or speed, a file that cannot be read, a corrupt line or
            packet, or nothing to replay for that side.
    """
    source.check()
    count = total = 0
    last = 0.0
    for offset, data in items(source):
        count += 1
        total += len(data)
        last = offset
    if not count:
        raise ReplayError(
            text(
                "{path} has no {side} chunks to replay{peer}",
                path=source.path,
                side=source.side,
                peer=text(" from {peer}", peer=source.peer) if source.peer else "",
            )
        )
    return ReplaySummary(count, total, last)


def items(source: ReplaySource) -> Iterator[tuple[float, bytes]]:
    """``(seconds after the first, data)`` of each send, in order, read as needed.

    Raises:
        ReplayError: as :func:`scan` (while iterating).
    """
    try:
        fh = open_regular(source.path, "rb")
    except OSError as exc:
        raise ReplayError(
            text(
                "cannot read {path}: {reason}; nothing was sent",
                path=source.path,
                reason=exc.strerror or str(exc),
            )
        ) from None
    with fh:
        head = fh.read(4)
        fh.seek(0)
        reader = _pcap_items if head in _PCAP_MAGICS else _jsonl_items
        first: float | None = None
        for ts, data in reader(fh, source):
            if first is None:
                first = ts
            yield max(0.0, ts - first), data


# ---------------------------------------------------------------------------- JSONL
def _jsonl_items(fh: IO[bytes], source: ReplaySource) -> Iterator[tuple[float, bytes]]:
    for number, raw in enumerate(iter(lambda: fh.readline(MAX_LINE + 1), b""), 1):
        if len(raw) > MAX_LINE:
            raise _line_error(source, number, text("longer than 64 MiB"))
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise _line_error(
                source, number, text("not JSON ({reason})", reason=str(exc))
            ) from None
        if not isinstance(record, dict):
            raise _line_error(source, number, text("not a JSON object"))
        if record.get("event") != "chunk" or record.get("dir") != source.side:
            continue
        if source.peer and record.get("peer") != source.peer:
            continue
        yield _record_item(record, source, number)


def _record_item(record: dict[str, Any], source: ReplaySource, number: int) -> tuple[float, bytes]:
    ts, hexdata = record.get("ts"), record.get("hex")
    if isinstance(ts, bool) or not isinstance(ts, int | float) or not isinstance(hexdata, str):
        raise _line_error(source, number, text('a chunk needs a number "ts" and a "hex" string'))
    try:
        data = bytes.fromhex(hexdata)
    except ValueError:
        raise _line_error(source, number, text('"hex" is not hexadecimal')) from None
    if "shown" in record or record.get("len", len(data)) != len(data):
        raise _line_error(
            source,
            number,
            text(
                "the chunk is cut short ({shown} of {length} bytes; the CLI's --json "
                "shows at most 64 KiB): record with the capture box's JSONL log instead",
                shown=len(data),
                length=record.get("len"),
            ),
        )
    return float(ts), data


def _line_error(source: ReplaySource, number: int, reason: str) -> ReplayError:
    return ReplayError(
        text(
            "{path}, line {line}: {reason}; nothing was sent",
            path=source.path,
            line=number,
            reason=reason,
        )
    )


# ----------------------------------------------------------------------------- pcap
def _pcap_items(fh: IO[bytes], source: ReplaySource) -> Iterator[tuple[float, bytes]]:
    import dpkt  # lazily: only pcap replays pay for it

    try:
        reader = dpkt.pcap.Reader(fh)
    except (ValueError, dpkt.dpkt.Error) as exc:
        raise _pcap_error(source, 0, str(exc)) from None
    decode = _link_decoder(dpkt, reader.datalink())
    if decode is None:
        raise _pcap_error(
            source, 0, text("link type {link} is not supported", link=reader.datalink())
        )
    speaker = ""
    seen: dict[str, int] = {}  # sender -> next TCP sequence number expected
    number = 0
    try:
        for ts, buf in reader:
            number += 1
            packet = _payload(dpkt, decode(buf))
            if packet is None:
                continue
            sender, _receiver, data, seq, syn = packet
            if not speaker and (syn or data):
                speaker = sender
            if not data:
                continue
            if seq is not None:
                expected = seen.get(sender)
                if expected is not None and (seq - expected) % 2**32 >= 2**31:
                    continue  # a retransmission of bytes already replayed
                seen[sender] = (seq + len(data)) % 2**32
            if source.peer:
                wanted = sender == source.peer
            else:
                wanted = (sender == speaker) == (source.side == "tx")
            if wanted:
                yield float(ts), data
    except ReplayError:
        raise
    except (ValueError, dpkt.dpkt.Error) as exc:
        raise _pcap_error(source, number, str(exc) or type(exc).__name__) from None


def _link_decoder(dpkt: Any, link: int) -> Any:
    if link == dpkt.pcap.DLT_EN10MB:
        return lambda buf: dpkt.ethernet.Ethernet(buf).data
    if link in (101, 12, 14):  # raw IP (the values differ between systems)
        return lambda buf: dpkt.ip.IP(buf) if buf[:1] and buf[0] >> 4 == 4 else dpkt.ip6.IP6(buf)
    if link == dpkt.pcap.DLT_LINUX_SLL:
        return lambda buf: dpkt.sll.SLL(buf).data
    return None


def _payload(dpkt: Any, ip: Any) -> tuple[str, str, bytes, int | None, bool] | None:
    """(sender, receiver, payload, TCP seq or None, SYN) of an IP packet; None if not TCP/UDP."""
    if not isinstance(ip, dpkt.ip.IP | dpkt.ip6.IP6):
        return None
    l4 = ip.data
    if not isinstance(l4, dpkt.tcp.TCP | dpkt.udp.UDP):
        return None
    src = format_address((str(ipaddress.ip_address(ip.src)), l4.sport))
    dst = format_address((str(ipaddress.ip_address(ip.dst)), l4.dport))
    if isinstance(l4, dpkt.tcp.TCP):
        syn = bool(l4.flags & dpkt.tcp.TH_SYN) and not l4.flags & dpkt.tcp.TH_ACK
        return src, dst, bytes(l4.data), l4.seq, syn
    return src, dst, bytes(l4.data), None, False


def _pcap_error(source: ReplaySource, number: int, reason: str) -> ReplayError:
    if number:
        return ReplayError(
            text(
                "{path}, packet {number}: {reason}; nothing was sent",
                path=source.path,
                number=number,
                reason=reason,
            )
        )
    return ReplayError(
        text("{path} is not a readable pcap file: {reason}", path=source.path, reason=reason)
    )
