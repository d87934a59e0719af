"""The timeline's record: one :class:`Step` per socket call or per fact seen on a connection.

A step is what the diagram draws: an arrow (``send``, ``recv``, ``connect``, ``accept``,
``fin``, ``shutdown``, ``rst``, ``segment``) or a mark on a lifeline (``listen``,
``close``, ``error``, ``state``, ``tls``). Its label is a translatable
:func:`~netassistant.core.i18n.text`, so the exports (English) and the window (the
user's language) say the same thing.
"""

from __future__ import annotations

from typing import NamedTuple

from netassistant.core.i18n import Text, text, translatable

#: Every ``call`` a step can have, in the order the issue lists them.
CALLS = (
    "listen",
    "connect",
    "accept",
    "send",
    "recv",
    "fin",
    "rst",
    "shutdown",
    "close",
    "error",
    "state",
    "segment",
    "tls",
)
#: Calls drawn as an arrow between two lifelines (the others are marks on one lifeline).
ARROW_CALLS = frozenset({"connect", "accept", "send", "recv", "fin", "rst", "shutdown", "segment"})
#: Calls that carry bytes of a stream (a byte range when it is known).
DATA_CALLS = frozenset({"send", "recv", "segment"})

LOCAL = "local"
PEER = "peer"
#: ``Step.leg`` of a relay's upstream (server) leg.
SERVER_LEG = "server"


class Step(NamedTuple):
    """One call or fact on the timeline.

    Attributes:
        id: Unique within its builder, in the order steps were made (links use it).
        ts_ns: Wall-clock time of the event (``time.time_ns()``).
        side: Who made the call or sent the signal: ``local`` (this session's socket)
            or ``peer``. A ``fin`` or a received ``rst`` is the peer's; ``shutdown``,
            ``close`` and an abort's ``rst`` are ours; a merged peer session's steps are
            all ``peer``.
        call: One of :data:`CALLS`.
        conn: The connection number within the step's session (0: the listening or
            UDP socket, or the session).
        seq: The chunk's or event's ``seq`` within its session.
        length: Bytes sent, received or carried by the segment (0 for other calls).
        lane: The peer lifeline's address (the other end of the connection; for a merged
            peer session, that session's own address).
        start: Offset of the first byte in its connection's stream, per direction
            (``send``/``recv``/``segment``); -1 when unknown (UDP, a segment without SYN).
        session: 0 for this session, 1... for merged peer sessions.
        leg: ``server`` for a relay's upstream leg, "" otherwise.
        message: The plain-words message (errors, connection events), may be "".
        detail: The event's facts (STATE, SEGMENT, TLS), or None.
        order_ns: Where the step sorts (0: at ``ts_ns``). A recv stamped before the send
            it delivered (the two threads' clocks race by microseconds) sorts just after
            that send, so an arrow never runs up the page; ``ts_ns`` stays the truth.
    """

    id: int
    ts_ns: int
    side: str
    call: str
    conn: int
    seq: int
    length: int
    lane: str
    start: int = -1
    session: int = 0
    leg: str = ""
    message: str = ""
    detail: dict[str, object] | None = None
    order_ns: int = 0

    @property
    def end(self) -> int:
        """Offset just past the last byte (``start + length``), -1 when unknown."""
        return self.start + self.length if self.start >= 0 else -1

    @property
    def key(self) -> tuple[int, int, int, int]:
        """Sort key: time, then session, then the session's own order."""
        return (self.order_ns or self.ts_ns, self.session, self.seq, self.id)


def byte_range(step: Step) -> str:
    """``[0,5)`` for a step with a known byte range, else ""."""
    return f"[{step.start},{step.end})" if step.start >= 0 and step.length else ""


def _detail(step: Step, key: str) -> object:
    return (step.detail or {}).get(key)


def step_label(step: Step) -> Text:
    """What the diagram writes beside a step (English; the window translates it)."""
    call = step.call
    if call in ("send", "recv"):
        template = "send {length} B #{seq}" if call == "send" else "recv {length} B #{seq}"
        return text(template, length=step.length, seq=step.seq)
    if call == "segment":
        return text(
            "{flags} seq={tcp_seq} ack={ack} len={length} win={win}",
            flags=_detail(step, "flags") or "-",
            tcp_seq=_detail(step, "seq"),
            ack=_detail(step, "ack"),
            length=step.length,
            win=_detail(step, "win"),
        )
    if call == "state":
        peer_state = _detail(step, "peer_state")
        if peer_state:
            return text(
                "state {state}, peer {peer_state}",
                state=_detail(step, "state") or "?",
                peer_state=peer_state,
            )
        return text("state {state}", state=_detail(step, "state") or "?")
    if call == "tls":
        return text(
            "TLS {version} {cipher}",
            version=_detail(step, "version") or "",
            cipher=_detail(step, "cipher") or "",
        )
    if call == "error":
        return text("error: {message}", message=step.message)
    if call == "rst":
        return text("RST sent (abort)") if step.side == LOCAL else text("RST received")
    if call == "connect" and step.message == CONNECTED:
        return text("connect() returned: connected")
    return text(_PLAIN[call])


#: ``Step.message`` of the ``connect`` step made when connect() succeeded.
CONNECTED = "connected"

_PLAIN = {
    "listen": translatable("socket/bind/listen"),
    "connect": translatable("connect()"),
    "accept": translatable("accept()"),
    "fin": translatable("FIN: recv() returned b''"),
    "shutdown": translatable("shutdown(SHUT_WR): FIN"),
    "close": translatable("close()"),
}
