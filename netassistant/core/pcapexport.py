"""pcap export: a session's chunks as packets Wireshark opens, written with dpkt.

Every chunk becomes one packet (or, above 65000 bytes, a run of TCP segments) with the
chunk's real addresses, ports and time stamp (nanosecond pcap). The IP, TCP and UDP
headers are synthesized with dpkt's packet classes:

* **TCP**: each connection gets sequence numbers that count its bytes in each direction,
  so "Follow TCP stream" shows them in order; the connection's events add the
  handshake (SYN, SYN-ACK, ACK on ACCEPTED/CONNECTED) and its end (FIN on PEER_FIN,
  CLOSED, HALF_CLOSED, LOCAL_CLOSE; RST on RESET, ABORTED).
* **UDP**: one datagram per chunk.
* **SEGMENT events** (the wire view): when a connection has them, its packets are the
  real segments (their flags, seq, ack and window); the payload of a segment is taken
  from that direction's chunk bytes in order, and segments whose bytes are not known
  yet wait (bounded) for them.

AF_UNIX sessions have no IP addresses: pcap cannot hold them (:class:`CaptureError`).
A pcap file this class wrote is continued (appended to); any other non-empty file is
refused. The file is written as the batches come (streaming; memory is bounded by the number of
open connections and by :data:`MAX_HELD_BYTES` per connection).
"""

from __future__ import annotations

import io
import ipaddress
import os
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from netassistant.core.capture import CaptureError, FileCapture
from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind, parse_address
from netassistant.core.i18n import text

#: Largest TCP payload per packet: a chunk of a 1 MiB recv() becomes several segments.
MAX_SEGMENT = 65000
#: Bytes a connection may hold while SEGMENT events wait for their payload.
MAX_HELD_BYTES = 4 * 1024 * 1024
#: Connections remembered at once (the oldest is forgotten first).
MAX_FLOWS = 65536
_SNAPLEN = 262144
_MAC_LOCAL = b"\x02\x00\x00\x00\x00\x01"
_MAC_PEER = b"\x02\x00\x00\x00\x00\x02"
_SYN, _FIN, _RST, _PSH, _ACK = 0x02, 0x01, 0x04, 0x08, 0x10
_FLAG_BITS = {"FIN": _FIN, "SYN": _SYN, "RST": _RST, "PSH": _PSH, "ACK": _ACK, "URG": 0x20}
_WINDOW = 65535
_NANO = Decimal(10) ** 9


Endpoint = tuple[str, int]


@dataclass(slots=True)
class _Flow:
    """One TCP connection's sequence numbers (next byte each side sends)."""

    local: Endpoint
    peer: Endpoint
    local_seq: int
    peer_seq: int
    local_fin: bool = False
    peer_fin: bool = False
    segments: bool = False  # SEGMENT events drive this connection's packets
    held: dict[str, bytearray] = field(
        default_factory=lambda: {"rx": bytearray(), "tx": bytearray()}
    )
    waiting: deque[tuple[int, dict[str, Any]]] = field(default_factory=deque)


class PcapCapture(FileCapture):
    """Writes a session's chunks and connection events as a pcap file.

    Attributes:
        udp: The session is UDP (chunks are datagrams), else TCP.
        packets_written: Packets written so far.
        path, error, bytes_written, closed: As for every capture.

    Raises:
        CaptureError: For an AF_UNIX session, a file that is not empty, or a file that
            cannot be opened.
    """

    def __init__(self, path: str | os.PathLike[str], *, udp: bool, unix: bool = False) -> None:
        super().__init__(path)
        if unix:
            raise CaptureError(
                text(
                    "pcap cannot hold unix socket sessions (they have no IP addresses); "
                    "use a text, CSV or JSONL log"
                )
            )
        self.udp = udp
        self.packets_written = 0
        self._flows: dict[int, _Flow] = {}
        import dpkt  # lazily: only pcap captures pay for it

        self._dpkt = dpkt
        header = io.BytesIO()
        dpkt.pcap.Writer(header, snaplen=_SNAPLEN, nano=True)
        file = self._open()
        if file.tell() != 0 and not self._continues(header.getvalue()):
            file.close()
            raise CaptureError(
                text(
                    "{path} is not empty; a pcap capture starts a new file: choose another "
                    "name or delete it",
                    path=self.path,
                )
            )
        if file.tell() == 0:
            self._writer = dpkt.pcap.Writer(file, snaplen=_SNAPLEN, nano=True)
            self.bytes_written = len(header.getvalue())
        else:  # the file holds our header already: the writer's goes nowhere
            self._writer = dpkt.pcap.Writer(_AfterHeader(file), snaplen=_SNAPLEN, nano=True)
        self._file = file

    def _continues(self, header: bytes) -> bool:
        """True if the file is a pcap this class wrote (same header): append to it."""
        from netassistant.core.safefile import open_regular

        try:
            with open_regular(self.path, "rb", follow_symlinks=False) as fh:
                return bool(fh.read(len(header)) == header)
        except OSError:
            return False

    # ------------------------------------------------------------------ writing
    def _write(self, file: IO[Any], events: Iterable[Any]) -> None:
        before = file.tell()
        for event in events:
            if isinstance(event, Chunk):
                self._chunk(event)
            elif isinstance(event, ConnEvent):
                self._event(event)
        self.bytes_written += file.tell() - before

    def _chunk(self, chunk: Chunk) -> None:
        local, peer = _endpoints(chunk.local, chunk.peer)
        rx = chunk.direction is Direction.RX
        if self.udp:
            src, dst = (peer, local) if rx else (local, peer)
            udp = self._dpkt.udp.UDP(sport=src[1], dport=dst[1], data=chunk.data)
            udp.ulen = 8 + len(chunk.data)
            self._packet(chunk.ts_ns, src, dst, udp, rx)
            return
        flow = self._flow(chunk.conn_id, local, peer)
        if flow.segments:
            self._hold(flow, "rx" if rx else "tx", chunk.data)
            self._release(flow)
            return
        for start in range(0, max(len(chunk.data), 1), MAX_SEGMENT):
            self._tcp(chunk.ts_ns, flow, rx, _PSH | _ACK, chunk.data[start : start + MAX_SEGMENT])

    def _event(self, event: ConnEvent) -> None:
        if self.udp or event.kind not in _TCP_EVENTS:
            return
        if event.kind is EventKind.SEGMENT:
            self._segment(event)
            return
        known = self._flows.get(event.conn_id)
        if known is None and event.kind not in (EventKind.ACCEPTED, EventKind.CONNECTED):
            return  # a connection that ended before the capture saw it
        try:
            local, peer = _endpoints(event.local, event.peer)
        except CaptureError:
            if known is None:
                raise
            local, peer = known.local, known.peer
        flow = self._flow(event.conn_id, local, peer, handshake_ts=event.ts_ns, event=event.kind)
        if flow.segments:
            if event.kind in _ENDS:
                self._forget(event.conn_id)
            return
        ts = event.ts_ns
        kind = event.kind
        if kind in (EventKind.PEER_FIN, EventKind.CLOSED) and not flow.peer_fin:
            self._tcp(ts, flow, True, _FIN | _ACK, b"")
            flow.peer_fin = True
            flow.peer_seq += 1  # a FIN takes one sequence number
        if kind in (EventKind.CLOSED, EventKind.HALF_CLOSED, EventKind.LOCAL_CLOSE):
            if not flow.local_fin:
                self._tcp(ts, flow, False, _FIN | _ACK, b"")
                flow.local_fin = True
                flow.local_seq += 1
            if flow.peer_fin and kind is not EventKind.HALF_CLOSED:
                self._tcp(ts, flow, True, _ACK, b"")  # the last ACK
        elif kind is EventKind.RESET:
            self._tcp(ts, flow, True, _RST | _ACK, b"")
        elif kind is EventKind.ABORTED:
            self._tcp(ts, flow, False, _RST | _ACK, b"")
        if kind in _ENDS:
            self._forget(event.conn_id)

    def _flow(
        self,
        conn_id: int,
        local: Endpoint,
        peer: Endpoint,
        *,
        handshake_ts: int = 0,
        event: EventKind | None = None,
    ) -> _Flow:
        flow = self._flows.get(conn_id)
        if flow is not None:
            return flow
        if len(self._flows) >= MAX_FLOWS:
            self._forget(next(iter(self._flows)))
        # Fixed initial sequence numbers: a capture is a record, not a live stack.
        flow = _Flow(local, peer, local_seq=1000, peer_seq=5000)
        self._flows[conn_id] = flow
        if event is EventKind.ACCEPTED:  # the peer opened it
            self._tcp(handshake_ts, flow, True, _SYN, b"", ack=0)
            flow.peer_seq += 1
            self._tcp(handshake_ts, flow, False, _SYN | _ACK, b"")
            flow.local_seq += 1
            self._tcp(handshake_ts, flow, True, _ACK, b"")
        elif event is EventKind.CONNECTED:  # we opened it
            self._tcp(handshake_ts, flow, False, _SYN, b"", ack=0)
            flow.local_seq += 1
            self._tcp(handshake_ts, flow, True, _SYN | _ACK, b"")
            flow.peer_seq += 1
            self._tcp(handshake_ts, flow, False, _ACK, b"")
        return flow

    def _forget(self, conn_id: int) -> None:
        flow = self._flows.pop(conn_id, None)
        if flow is not None:
            while flow.waiting:  # segments whose bytes never came: written as they are
                ts, facts = flow.waiting.popleft()
                self._real_segment(ts, flow, facts, b"")

    def _tcp(
        self, ts_ns: int, flow: _Flow, rx: bool, flags: int, data: bytes, ack: int | None = None
    ) -> None:
        """One synthesized segment; advances the sender's sequence number by its data."""
        if rx:
            src, dst, seq, ack_no = flow.peer, flow.local, flow.peer_seq, flow.local_seq
            flow.peer_seq += len(data)
        else:
            src, dst, seq, ack_no = flow.local, flow.peer, flow.local_seq, flow.peer_seq
            flow.local_seq += len(data)
        tcp = self._dpkt.tcp.TCP(
            sport=src[1],
            dport=dst[1],
            seq=seq & 0xFFFFFFFF,
            ack=(ack_no if ack is None else ack) & 0xFFFFFFFF,
            flags=flags,
            win=_WINDOW,
            data=data,
        )
        self._packet(ts_ns, src, dst, tcp, rx)

    # ------------------------------------------------------------ wire segments
    def _segment(self, event: ConnEvent) -> None:
        facts = event.detail or {}
        if not all(key in facts for key in ("dir", "flags", "seq", "ack", "len")):
            return
        local, peer = _endpoints(event.local, event.peer)
        flow = self._flow(event.conn_id, local, peer)
        flow.segments = True
        flow.waiting.append((event.ts_ns, dict(facts)))
        self._release(flow)

    def _hold(self, flow: _Flow, side: str, data: bytes) -> None:
        held = flow.held[side]
        if len(held) + len(data) > MAX_HELD_BYTES:
            # Bytes no segment asked for (a wire view that lost segments): keep the newest.
            del held[: len(held) + len(data) - MAX_HELD_BYTES]
        held += data

    def _release(self, flow: _Flow) -> None:
        """Write waiting segments, in order, as far as their payload is known."""
        while flow.waiting:
            ts, facts = flow.waiting[0]
            side = "rx" if facts["dir"] == "rx" else "tx"
            size = int(facts["len"])
            held = flow.held[side]
            if len(held) < size:
                return
            payload = bytes(held[:size])
            del held[:size]
            flow.waiting.popleft()
            self._real_segment(ts, flow, facts, payload)

    def _real_segment(self, ts: int, flow: _Flow, facts: dict[str, Any], payload: bytes) -> None:
        rx = facts["dir"] == "rx"
        src, dst = (flow.peer, flow.local) if rx else (flow.local, flow.peer)
        flags = 0
        for name in str(facts["flags"]).split(","):
            flags |= _FLAG_BITS.get(name.strip().upper(), 0)
        tcp = self._dpkt.tcp.TCP(
            sport=src[1],
            dport=dst[1],
            seq=int(facts["seq"]) & 0xFFFFFFFF,
            ack=int(facts["ack"]) & 0xFFFFFFFF,
            flags=flags,
            win=int(facts.get("win") or 0) & 0xFFFF,
            data=payload,
        )
        self._packet(ts, src, dst, tcp, rx)

    # ------------------------------------------------------------------ framing
    def _packet(self, ts_ns: int, src: Endpoint, dst: Endpoint, l4: Any, rx: bool) -> None:
        dpkt = self._dpkt
        proto = dpkt.ip.IP_PROTO_UDP if self.udp else dpkt.ip.IP_PROTO_TCP
        src_ip, dst_ip = ipaddress.ip_address(src[0]), ipaddress.ip_address(dst[0])
        if src_ip.version == 6:
            ip: Any = dpkt.ip6.IP6(
                src=src_ip.packed, dst=dst_ip.packed, nxt=proto, hlim=64, data=l4
            )
            ip.plen = len(bytes(l4))
            ethertype = dpkt.ethernet.ETH_TYPE_IP6
        else:
            ip = dpkt.ip.IP(src=src_ip.packed, dst=dst_ip.packed, p=proto, ttl=64, data=l4)
            ip.len = 20 + len(bytes(l4))
            ethertype = dpkt.ethernet.ETH_TYPE_IP
        # Checksums are computed by dpkt when the packet is packed (bytes()).
        eth = dpkt.ethernet.Ethernet(
            src=_MAC_PEER if rx else _MAC_LOCAL,
            dst=_MAC_LOCAL if rx else _MAC_PEER,
            type=ethertype,
            data=ip,
        )
        self._writer.writepkt(bytes(eth), Decimal(ts_ns) / _NANO)
        self.packets_written += 1


class _AfterHeader:
    """A file whose first write (a dpkt Writer's file header) is dropped: appending."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self._skip = True

    def write(self, data: bytes) -> int:
        if self._skip:
            self._skip = False
            return len(data)
        return self._file.write(data)


_ENDS = frozenset({EventKind.CLOSED, EventKind.RESET, EventKind.LOCAL_CLOSE, EventKind.ABORTED})
_TCP_EVENTS = _ENDS | {
    EventKind.ACCEPTED,
    EventKind.CONNECTED,
    EventKind.PEER_FIN,
    EventKind.HALF_CLOSED,
    EventKind.SEGMENT,
}


def _endpoints(local: str, peer: str) -> tuple[Endpoint, Endpoint]:
    """(host, port) of both ends, in one IP family (a dual-stack socket's IPv4 peer)."""
    try:
        local_ep, peer_ep = parse_address(local), parse_address(peer)
        local_ip = ipaddress.ip_address(local_ep[0].partition("%")[0])
        peer_ip = ipaddress.ip_address(peer_ep[0].partition("%")[0])
    except ValueError:
        raise CaptureError(
            text(
                "pcap needs IP addresses; {local} and {peer} are not (pcap cannot hold "
                "unix socket sessions)",
                local=local or "-",
                peer=peer or "-",
            )
        ) from None
    if local_ip.version != peer_ip.version:
        # A dual-stack "::" socket and an IPv4 peer: the packet went over IPv4.
        local_ip = ipaddress.ip_address("0.0.0.0" if peer_ip.version == 4 else "::")
    return (str(local_ip), local_ep[1]), (str(peer_ip), peer_ep[1])
