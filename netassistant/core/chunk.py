"""The records that travel from a socket session to whoever draws it.

One :class:`Chunk` per ``recv()``/``recvfrom()``/``recvmsg()`` return (RX) and one
per send command (TX; a send cut short by a reset or a stop is recorded for the part
the kernel took, flagged PARTIAL). ``data`` stays ``bytes`` all the way; hex and text
are only ways of drawing it. Connection life-cycle changes travel the same road as
small :class:`ConnEvent` records, so a log can interleave both in true order by
``seq``.

The records are immutable ``NamedTuple`` s rather than the frozen dataclasses the
design first named: building a frozen dataclass costs ~0.9 µs (every field goes
through ``object.__setattr__``) against ~0.2 µs for a named tuple, and at a 1 KiB
recv size under a loopback flood that difference alone is 25% of the budget per
recv. They stay immutable, typed and cheap to keep by the hundred thousand.
"""

from __future__ import annotations

import enum
from operator import itemgetter

from netassistant.core.typehints import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable


class Direction(enum.Enum):
    """Which way a chunk went."""

    RX = "rx"
    TX = "tx"


class ChunkFlag(enum.IntFlag):
    """Extra facts about a chunk."""

    NONE = 0
    #: A datagram was larger than the receive buffer; ``orig_len`` has its true size.
    TRUNCATED = 1
    #: A broadcast or multicast datagram (sent or received).
    BROADCAST = 2
    #: A send cut short (reset, error, stop): ``data`` is the part the kernel accepted.
    PARTIAL = 4
    #: Relay sessions: the chunk was read from / written to the upstream (server) leg.
    #: Without it a relay chunk belongs to the downstream (client) leg. Other session
    #: kinds never set it, so a chunk needs no extra field (chunks are built in bulk).
    SERVER_LEG = 8


class EventKind(enum.Enum):
    """Connection events, named as the user sees them."""

    LISTENING = "listening"  # server socket bound and listening / UDP socket bound
    ACCEPTED = "accepted"  # server accepted a client
    CONNECTING = "connecting"  # client started connect()
    CONNECTED = "connected"  # client connect() completed
    CLOSED = "closed"  # peer closed its side (FIN: recv() returned b"")
    RESET = "reset"  # peer reset the connection (RST)
    LOCAL_CLOSE = "local_close"  # we closed / disconnected it
    HALF_CLOSED = "half_closed"  # we sent FIN with shutdown(SHUT_WR)
    ABORTED = "aborted"  # we reset it (SO_LINGER 0 + close)
    SEND_PROGRESS = "send_progress"  # a large send is partly written
    DROPPED = "dropped"  # the kernel dropped datagrams: the receive buffer was full
    ERROR = "error"  # something failed; ``message`` says what, in plain words
    STOPPED = "stopped"  # the session ended
    PEER_FIN = "peer_fin"  # peer finished sending (FIN) and our side stays open
    STATE = "state"  # kernel socket state changed; ``detail`` has the figures
    SEGMENT = "segment"  # a TCP segment of this session seen on the wire; ``detail``
    TLS = "tls"  # a TLS handshake finished; ``detail`` says what was agreed
    FAULT = "fault"  # a relay fault was applied, changed or removed; ``detail``


#: Events after which a connection carries no more data (its counters and decoders end).
ENDING_KINDS = frozenset(
    {EventKind.CLOSED, EventKind.RESET, EventKind.LOCAL_CLOSE, EventKind.ABORTED}
)


class Chunk(NamedTuple):
    """One socket read or one send, exactly as the OS delivered or took it.

    Attributes:
        seq: Session-wide sequence number shared with :class:`ConnEvent`.
        ts_ns: Wall-clock time (``time.time_ns()``) when the call returned. Under a flood
            the reads of one readiness (up to 1 MiB, or one recvmmsg() batch) share the
            time the last of them returned; a slow reader's chunks are stamped one by one.
        conn_id: Connection number within the session (0 for UDP).
        direction: RX or TX.
        local: Local address, formatted (``127.0.0.1:9000``, ``[::1]:9000``, a path).
        peer: Peer address, formatted the same way ("" if unknown, e.g. unnamed AF_UNIX).
        data: The bytes, untouched.
        flags: :class:`ChunkFlag` bits.
        orig_len: For a truncated datagram, its true size; otherwise ``len(data)``.
    """

    seq: int
    ts_ns: int
    conn_id: int
    direction: Direction
    local: str
    peer: str
    data: bytes
    flags: ChunkFlag = ChunkFlag.NONE
    orig_len: int = -1

    @property
    def length(self) -> int:
        """Number of bytes in this chunk."""
        return len(self.data)

    @property
    def truncated(self) -> bool:
        """True if the datagram did not fit the receive buffer."""
        return bool(self.flags & ChunkFlag.TRUNCATED)

    @property
    def true_length(self) -> int:
        """The size on the wire: ``orig_len`` where known, else ``len(data)``."""
        return self.orig_len if self.orig_len >= 0 else len(self.data)


class ConnEvent(NamedTuple):
    """A change in a connection's life, or an error, in the session's order.

    Attributes:
        seq: Session-wide sequence number shared with :class:`Chunk`.
        ts_ns: Wall-clock time (``time.time_ns()``).
        kind: What happened.
        conn_id: Connection number (0 for the listening socket / UDP socket / session).
        local: Local address, formatted.
        peer: Peer address, formatted ("" when none).
        message: Plain-words description for the user (always set for ERROR).
        sent: For SEND_PROGRESS: bytes written so far (messages, for a send plan);
            for DROPPED: datagrams dropped since the last report.
        total: For SEND_PROGRESS: bytes of the whole send (messages; 0 = periodic);
            for DROPPED: datagrams dropped since the socket was opened.
        plan_id: The send plan or file send this event is about (0 for none).
        state: For a plan's SEND_PROGRESS/ERROR: "running", or how it ended ("done",
            "cancelled", "stopped", "failed"); "" for other events.
        detail: Structured facts of STATE, SEGMENT, TLS and FAULT events, of a relay's
            connection events, of a rate send's SEND_PROGRESS and of multicast joins (None
            for the others), with JSON-ready values; the keys are part of the CLI's JSON
            output:

            - STATE: ``state`` (``ESTABLISHED``, ``TIME_WAIT``...), ``peer_state``
              (None when unknown), ``rx_queue``, ``tx_queue`` (bytes), and where the
              OS gives them ``rtt_us``, ``retrans``, ``timer_ms`` (time left in
              TIME_WAIT), ``accept_queue``, ``backlog``, ``closed_first``.
            - STATE, more: ``peer_timer_ms`` (time left in the peer's TIME_WAIT);
              ``closed_first`` is ``"local"``, ``"peer"`` or ``"both"`` (simultaneous
              close). ``state`` None (one event, conn 0) says the OS gives no such data.
            - SEGMENT: ``dir`` (``tx`` from this session's socket, ``rx`` to it),
              ``flags`` (``"SYN,ACK"``), ``seq``, ``ack``, ``len``, ``win``
              (unscaled); conn 0 before ``accept()`` (the handshake). In the JSON
              record ``seq`` is the record's own number and the TCP one is
              ``tcp_seq``. A note of segments the rate bound left out has only
              ``skipped`` (their number).
            - ERROR: ``source`` (``"wire"``: the capture could not start), or None.
            - TLS: ``version``, ``cipher``, ``alpn``, ``subject``, ``issuer``, ``expiry``
              (ISO 8601), ``fingerprint`` (SHA-256 of the peer certificate, ``AB:CD:..``);
              None where there is none (a client without certificate). On the listening
              socket (conn 0) a server announces its own self-signed certificate:
              ``self_signed`` (True), ``subject``, ``expiry``, ``fingerprint`` and
              ``cert_pem`` (for a client's CA file; never the key). A relay's TLS events
              also say their ``leg`` (its self-signed certificate's: ``client``).
            - FAULT: ``direction``, ``fault``, ``params``, ``action``.
            - A relay session's events about one leg (ACCEPTED, CONNECTED, PEER_FIN,
              HALF_CLOSED, the closes, ERROR...): ``leg``, ``client`` or ``server``.
            - SEND_PROGRESS of a rate send (traffic generator): ``target`` and ``unit``
              (``msg/s`` or ``B/s``), ``achieved`` (in that unit, on the engine's clock),
              ``achieved_bps``, ``elapsed_s``, ``bytes``.
            - LISTENING of a UDP multicast join or leave: ``multicast`` (``joined`` or
              ``left``), ``group``, ``interface`` (as the user named it, "" for any).
    """

    seq: int
    ts_ns: int
    kind: EventKind
    conn_id: int = 0
    local: str = ""
    peer: str = ""
    message: str = ""
    sent: int = 0
    total: int = 0
    plan_id: int = 0
    state: str = ""
    detail: dict[str, object] | None = None


Event = Chunk | ConnEvent

#: A chunk's fields by position, for loops in C over a batch (``map(CHUNK_DATA, chunks)``):
#: a named tuple's attribute is a Python-level lookup per item, its index is not.
CHUNK_CONN_ID = itemgetter(Chunk._fields.index("conn_id"))
CHUNK_DIRECTION = itemgetter(Chunk._fields.index("direction"))
CHUNK_DATA = itemgetter(Chunk._fields.index("data"))


def only_chunks(events: Iterable[Event]) -> bool:
    """Whether every record of a batch is a :class:`Chunk` (a flood's usual batch)."""
    return not [event for event in events if type(event) is not Chunk]


def connection_events(events: Iterable[Event]) -> list[ConnEvent]:
    """The :class:`ConnEvent` records of a batch, in order.

    A list comprehension: under a flood a batch holds thousands of chunks and few if any
    connection events, and a loop that skips each chunk with ``continue`` cost twice as
    much per record.
    """
    return [event for event in events if type(event) is ConnEvent]


def format_address(addr: object) -> str:
    """Format a socket address the way users write it.

    ``('127.0.0.1', 9000)`` -> ``127.0.0.1:9000``; IPv6 tuples -> ``[::1]:9000``;
    IPv4-mapped ``::ffff:127.0.0.1`` (a dual-stack socket's IPv4 peer) -> ``127.0.0.1``;
    AF_UNIX paths stay as they are; abstract names start with ``@``; unnamed -> "".
    """
    if isinstance(addr, tuple):
        host, port = addr[0], addr[1]
        if isinstance(host, str) and host.startswith("::ffff:") and "." in host:
            host = host[7:]  # an IPv4 peer of a dual-stack socket: shown as users write it
        if ":" in str(host):
            return f"[{host}]:{port}"
        return f"{host}:{port}"
    if isinstance(addr, bytes):
        if addr.startswith(b"\0"):
            return "@" + addr[1:].decode("utf-8", "backslashreplace")
        return addr.decode("utf-8", "backslashreplace")
    if addr is None:
        return ""
    return str(addr)


def parse_address(text: str) -> tuple[str, int]:
    """Inverse of :func:`format_address` for IP addresses: ``[::1]:9000`` -> ``("::1", 9000)``.

    A ``%iface`` suffix (the receiving interface, see :mod:`.engine.pktinfo`) is dropped.

    Raises:
        ValueError: no port in ``text``.
    """
    head, sep, tail = text.rpartition("%")
    if sep and "]" not in tail and ":" not in tail and head[-1:].isdigit():
        text = head
    if text.startswith("["):
        host, sep, port = text[1:].partition("]:")
    else:
        host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"{text!r} has no port; write host:port, e.g. 127.0.0.1:9000")
    return host, int(port)


def track_live(live: set[int], event: ConnEvent) -> None:
    """Keep ``live``, the open connections' numbers, up to date with one event."""
    if event.kind in (EventKind.CONNECTED, EventKind.ACCEPTED):
        live.add(event.conn_id)
    elif event.kind in ENDING_KINDS:
        live.discard(event.conn_id)
