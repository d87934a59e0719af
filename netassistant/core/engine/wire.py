"""The wire: this session's real TCP segments on the loopback interface (Linux).

An ``AF_PACKET`` socket bound to ``lo`` (all protocols) is read on the engine's own
selector loop, non-blocking, like any other socket. It needs CAP_NET_RAW (root, or
``setcap cap_net_raw+ep`` on the Python binary); without it the user is told exactly
that, once, and the session goes on without the wire.

* ``lo`` hands a capture every packet twice, once as it leaves (PACKET_OUTGOING) and
  once as it arrives (PACKET_HOST): the address ``recvfrom()`` returns carries that
  packet type, and only the arriving copy is kept, so each segment counts once.
* Only this session's segments are kept: those of its connections' 4-tuples, and, for
  a server, those to and from its listening port (a handshake happens before
  ``accept()`` knows the connection).
* The kernel hands the capture only TCP segments to or from this session's ports, and
  only their headers (:mod:`netassistant.core.engine.wirefilter`): another program's
  loopback flood neither crowds out the segments a lesson is about nor wakes the loop.
* At most :data:`MAX_RATE` segments a second become SEGMENT events; the rest are
  counted and reported as one note a second ("N segments skipped"), so a flood on
  loopback never floods the log.

Headers are parsed with **dpkt**: a maintained, pure-Python packet library (no
compiled parts, no libpcap) that reads Ethernet, IPv4, IPv6 and TCP headers
including truncated captures; hand-written ``struct`` parsing of IPv6 extension
headers and TCP options would be a second, less-tested copy of it. It is imported when
a capture starts, so a session without the wire never loads it.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import time
from typing import TYPE_CHECKING

from netassistant.core.chunk import EventKind, format_address
from netassistant.core.config import Family, Kind
from netassistant.core.engine import wirefilter
from netassistant.core.engine.sockets import ANY_ADDRESSES
from netassistant.core.i18n import text

if TYPE_CHECKING:
    from netassistant.core.engine.base import Engine

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
#: Bytes kept of each packet: every header fits (Ethernet 14 + IPv6 40 + TCP 60).
SNAPLEN = wirefilter.SNAPLEN
#: SEGMENT events a second at most; reads per readiness at most.
MAX_RATE = 2000
READ_BUDGET = 256
#: Seconds between two refreshes of the connection index when a segment matches none.
INDEX_REFRESH = 0.02
#: 4-tuples remembered, closed connections included.
MAX_INDEX = 20_000

#: TCP flag bits in the order people name them ("SYN,ACK", "FIN,ACK", "PSH,ACK").
_FLAG_NAMES = (
    (0x02, "SYN"),
    (0x01, "FIN"),
    (0x04, "RST"),
    (0x08, "PSH"),
    (0x10, "ACK"),
    (0x20, "URG"),
    (0x40, "ECE"),
    (0x80, "CWR"),
)

Endpoint = tuple[str, int]


def permission_message() -> str:
    """What the user must do to see the wire (the message of a refused capture)."""
    return text(
        "the wire cannot be shown: capturing on the loopback interface needs the "
        "CAP_NET_RAW capability; run as root, or give Python the capability with "
        "'sudo setcap cap_net_raw+ep {python}'",
        python=_python_binary(),
    )


def _python_binary() -> str:
    import os
    import sys

    return os.path.realpath(sys.executable)


def flag_names(flags: int) -> str:
    """TCP flag bits as ``"SYN,ACK"``."""
    return ",".join(name for bit, name in _FLAG_NAMES if flags & bit)


def _plain(host: str) -> str:
    """An IPv4-mapped IPv6 address as the IPv4 address the wire carries."""
    return host.removeprefix("::ffff:") if "." in host else host


class WireTap:
    """Captures this session's TCP segments on ``lo`` and emits SEGMENT events.

    Attributes:
        engine: The engine whose loop reads the capture (loop thread only).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sock: socket.socket | None = None
        self._index: dict[tuple[Endpoint, Endpoint], int] = {}
        self._listen: Endpoint | None = None
        self._indexed_at = -INDEX_REFRESH
        self._window = 0.0
        self._count = 0
        self._skipped = 0
        self._note_timer: int | None = None
        self._seen: set[int] = set()
        self._ports: frozenset[int] | None = None  # those the kernel filter keeps

    # ---------------------------------------------------------------- control
    def open(self) -> bool:
        """Start capturing; on failure emit one ERROR event saying why (False)."""
        if self._sock is not None:
            return True
        config = self.engine.config
        if config.kind is Kind.UDP or config.family is Family.UNIX or config.relay_udp:
            self._refuse(text("the wire shows TCP segments: this session is not TCP over IP"))
            return False
        family = getattr(socket, "AF_PACKET", None)
        if family is None:
            self._refuse(text("the wire needs Linux (AF_PACKET); this system has no such capture"))
            return False
        try:
            import dpkt  # noqa: F401  (fail here, in plain words, not per packet)
        except ImportError:
            self._refuse(text("the wire needs the Python package dpkt: pip install dpkt"))
            return False
        try:
            sock = socket.socket(family, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        except PermissionError:
            self._refuse(permission_message())
            return False
        except OSError as exc:
            self._refuse(text("the wire cannot be shown: {reason}", reason=exc.strerror or exc))
            return False
        try:
            ports = self._session_ports()
            with contextlib.suppress(OSError):  # refused: every packet comes, as before
                wirefilter.attach(sock, ports)  # before bind: nothing foreign is queued
                self._ports = ports
            sock.bind(("lo", ETH_P_ALL))
            sock.setblocking(False)
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
        except OSError as exc:
            sock.close()
            self._refuse(text("the wire cannot be shown: {reason}", reason=exc.strerror or exc))
            return False
        self._sock = sock
        self.engine.set_interest(sock, 0, selectors.EVENT_READ, self._on_ready)
        return True

    def refilter(self) -> None:
        """Narrow the kernel filter to the session's ports once they are all known.

        A server asked for port 0 learns its port when it binds, after the capture
        opened (to see the first SYN): until then the filter keeps every TCP segment.
        """
        ports = self._session_ports()
        if self._sock is None or ports == self._ports:
            return
        try:
            wirefilter.attach(self._sock, ports)
        except OSError:
            return  # the broader filter stays: the wire's own matching still sorts
        self._ports = ports

    def _session_ports(self) -> frozenset[int]:
        """The ports whose segments are this session's (empty: not known yet, any TCP)."""
        config = self.engine.config
        ports: set[int] = set()
        if config.kind in (Kind.TCP_SERVER, Kind.RELAY):
            port = config.local_port
            listener = self.engine.kernel_targets()[0]
            if listener is not None:
                with contextlib.suppress(OSError):
                    port = listener.getsockname()[1]
            if not port:
                return frozenset()
            ports.add(port)
        if config.kind in (Kind.TCP_CLIENT, Kind.RELAY) and config.remote_port:
            ports.add(config.remote_port)
        return frozenset(ports)

    def close(self) -> None:
        """Stop capturing (idempotent)."""
        if self._note_timer is not None:
            self.engine.cancel_timer(self._note_timer)
            self._note_timer = None
        self._report_skipped()
        if self._sock is not None:
            self.engine.set_interest(self._sock, selectors.EVENT_READ, 0, self._on_ready)
            self._sock.close()
            self._sock = None

    def _refuse(self, message: str) -> None:
        self.engine.emit_event(
            EventKind.ERROR,
            local=self.engine.local_address,
            message=message,
            detail={"source": "wire"},
        )

    # ------------------------------------------------------------------ reads
    def _on_ready(self, sock: socket.socket, mask: int) -> None:
        for _ in range(READ_BUDGET):
            try:
                packet, address = sock.recvfrom(SNAPLEN)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            if address[2] != PACKET_OUTGOING:
                self._packet(packet)

    def _packet(self, packet: bytes) -> None:
        import dpkt

        try:
            ip = dpkt.ethernet.Ethernet(packet).data
        except (dpkt.UnpackError, ValueError):
            return
        tcp = getattr(ip, "data", None)
        if not isinstance(tcp, dpkt.tcp.TCP):
            return
        if isinstance(ip, dpkt.ip.IP):
            family, payload = socket.AF_INET, ip.len - ip.hl * 4 - tcp.off * 4
        elif isinstance(ip, dpkt.ip6.IP6):
            family, payload = socket.AF_INET6, ip.plen - tcp.off * 4
        else:
            return
        src = (socket.inet_ntop(family, ip.src), tcp.sport)
        dst = (socket.inet_ntop(family, ip.dst), tcp.dport)
        match = self._match(src, dst)
        if match is None:
            return
        direction, conn_id, local, peer = match
        if not self._admit():
            return
        flags = flag_names(tcp.flags)
        detail: dict[str, object] = {
            "dir": direction,
            "flags": flags,
            "seq": tcp.seq,
            "ack": tcp.ack,
            "len": max(0, payload),
            "win": tcp.win,
        }
        self.engine.emit_event(
            EventKind.SEGMENT,
            conn_id,
            local=format_address(local),
            peer=format_address(peer),
            message=text(
                "{dir} [{flags}] seq={seq} ack={ack} len={len} win={win}",
                dir=direction,
                flags=flags,
                seq=tcp.seq,
                ack=tcp.ack,
                len=detail["len"],
                win=tcp.win,
            ),
            detail=detail,
        )

    # ------------------------------------------------------------- filtering
    def _match(self, src: Endpoint, dst: Endpoint) -> tuple[str, int, Endpoint, Endpoint] | None:
        """(dir, conn_id, our end, their end) if the segment is this session's, else None."""
        found = self._known(src, dst)
        if found is not None:
            return found
        at_listener = self._at_listener(src, dst)
        # A segment to or from our listening port may be a connection accepted since the
        # last look: look at once. Anything else (other sessions' traffic) looks at most
        # every INDEX_REFRESH seconds, so foreign floods cost no scans.
        if at_listener or time.monotonic() - self._indexed_at >= INDEX_REFRESH:
            self._reindex()
            found = self._known(src, dst) or self._at_listener(src, dst)
        # Not accepted yet (the handshake): the listener's, conn 0.
        return found or at_listener

    def _known(self, src: Endpoint, dst: Endpoint) -> tuple[str, int, Endpoint, Endpoint] | None:
        conn_id = self._index.get((src, dst))
        if conn_id is not None:
            return "tx", conn_id, src, dst
        conn_id = self._index.get((dst, src))
        if conn_id is not None:
            return "rx", conn_id, dst, src
        return None

    def _at_listener(
        self, src: Endpoint, dst: Endpoint
    ) -> tuple[str, int, Endpoint, Endpoint] | None:
        listen = self._listen
        if listen is None:
            return None
        if dst[1] == listen[1] and listen[0] in ("", dst[0]):
            return "rx", 0, dst, src
        if src[1] == listen[1] and listen[0] in ("", src[0]):
            return "tx", 0, src, dst
        return None

    def _reindex(self) -> None:
        """Learn the 4-tuples of connections opened since the last look.

        Only new connection numbers cost system calls; closed connections stay known
        (their FIN and last ACKs come after they are gone), up to MAX_INDEX.
        """
        self._indexed_at = time.monotonic()
        listener, pairs = self.engine.kernel_targets()
        seen = self._seen
        for conn_id, sock in pairs:
            if conn_id in seen:
                continue
            try:
                local, peer = sock.getsockname(), sock.getpeername()
            except OSError:
                continue
            seen.add(conn_id)
            self._index[((_plain(local[0]), local[1]), (_plain(peer[0]), peer[1]))] = conn_id
        if len(self._index) > MAX_INDEX:
            for key in list(self._index)[: len(self._index) - MAX_INDEX]:
                seen.discard(self._index.pop(key))
        if self._listen is None and listener is not None:
            with contextlib.suppress(OSError):
                host, port = listener.getsockname()[:2]
                wildcard = host in ANY_ADDRESSES
                self._listen = ("" if wildcard else _plain(host), port)

    # ----------------------------------------------------------------- rate
    def _admit(self) -> bool:
        now = time.monotonic()
        if now - self._window >= 1.0:
            self._window, self._count = now, 0
        if self._count < MAX_RATE:
            self._count += 1
            return True
        self._skipped += 1
        if self._note_timer is None:
            delay = max(0.0, self._window + 1.0 - now)
            self._note_timer = self.engine.call_later(delay, self._on_note_timer)
        return False

    def _on_note_timer(self) -> None:
        self._note_timer = None
        self._report_skipped()

    def _report_skipped(self) -> None:
        if not self._skipped:
            return
        skipped, self._skipped = self._skipped, 0
        self.engine.emit_event(
            EventKind.SEGMENT,
            local=self.engine.local_address,
            message=text(
                "{count} segments skipped: the wire shows at most {rate} a second",
                count=skipped,
                rate=MAX_RATE,
            ),
            detail={"skipped": skipped},
        )
