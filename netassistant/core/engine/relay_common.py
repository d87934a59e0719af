"""What the TCP and the UDP relay engines share: legs by name, the session's faults, a base."""

from __future__ import annotations

import random
from typing import Any

from netassistant.core.chunk import EventKind
from netassistant.core.engine.base import Engine
from netassistant.core.i18n import text, translatable
from netassistant.core.relay.spec import FaultSpec, parse_fault

#: The two legs of a relayed connection, named as in the JSON ``leg`` field.
LEGS = ("client", "server")

#: FAULT event sentences, one per action, so a translator sees each one whole.
_MESSAGES = {
    "added": translatable("fault {spec} added"),
    "removed": translatable("fault {spec} removed"),
    "set": translatable("fault {spec} is set"),
    "active": translatable("fault {spec} applies to this connection"),
    "drop": translatable("fault {spec} dropped data"),
    "timeout": translatable("fault {spec} timed the connection out: closing it"),
    "reset": translatable("fault {spec} resets the connection (RST)"),
    "limit": translatable("fault {spec}: byte limit reached, closing the connection"),
    "slow_close": translatable("fault {spec} delays the close"),
}


def check_leg(leg: object) -> None:
    """Raise ValueError unless ``leg`` is "client" or "server"."""
    if leg not in LEGS:
        raise ValueError(f'the leg must be "client" or "server", not {leg!r}')


def add_leg(fields: dict[str, Any], remote: str) -> None:
    """Give a relay connection's event ``detail={"leg": ...}``: the leg its peer is on.

    The server leg's peer is the upstream address; any other peer is a client's. An
    event that has its own detail (a leg's TLS handshake) gets ``leg`` added to it.
    """
    peer = fields.get("peer")
    if peer:
        detail = fields.get("detail")
        leg = "server" if peer == remote else "client"
        fields["detail"] = {"leg": leg} if detail is None else {"leg": leg, **detail}


def fault_message(spec: FaultSpec, action: str) -> str:
    """The plain-words message of a FAULT event."""
    return text(_MESSAGES[action], spec=spec.format())


class RelayFaults:
    """A relay session's faults: the current list, its random numbers, its events.

    Attributes:
        specs: The faults now in force, in order.
        rng: Random numbers for toxicity, jitter and variation (seeded: ``fault_seed``).
    """

    def __init__(self, engine: Engine, specs: list[str], seed: int | None) -> None:
        self._engine = engine
        self.specs = self.parse(specs)
        self.rng = random.Random(seed)

    @staticmethod
    def parse(specs: list[str]) -> list[FaultSpec]:
        """Parse specs (any thread).

        Raises:
            TypeError: ``specs`` is not a list of strings.
            FaultSpecError: a spec is wrong.
        """
        if isinstance(specs, str) or not isinstance(specs, list | tuple):
            raise TypeError("the faults must be a list of spec strings")
        return [parse_fault(spec) for spec in specs]

    def announce(self) -> None:
        """One FAULT event per fault in force when the session opens (loop thread)."""
        for spec in self.specs:
            self.event(0, spec, "set")

    def replace(self, specs: list[FaultSpec]) -> None:
        """Take ``specs`` as the faults now; one FAULT event per change (loop thread)."""
        old = [spec.format() for spec in self.specs]
        new = [spec.format() for spec in specs]
        for spec in self.specs:
            if spec.format() not in new:
                self.event(0, spec, "removed")
        for spec in specs:
            if spec.format() not in old:
                self.event(0, spec, "added")
        self.specs = specs

    def event(self, conn_id: int, spec: FaultSpec, action: str) -> None:
        """Record a FAULT event (loop thread)."""
        engine = self._engine
        engine.emit_event(
            EventKind.FAULT,
            conn_id,
            local=engine.local_address,
            message=fault_message(spec, action),
            detail=spec.detail(action),
        )


class RelayEngineBase(Engine):
    """What the TCP and UDP relays share: leg-tagged events and sends toward the server.

    Attributes:
        remote: The server's address, formatted (set by the subclass).
    """

    remote = ""

    def emit_event(self, kind: EventKind, conn_id: int = 0, **fields: Any) -> None:
        """Record a connection event; one of a relayed connection says its leg."""
        if conn_id:
            add_leg(fields, self.remote)
        super().emit_event(kind, conn_id, **fields)

    def send(self, data: bytes, conn_id: int | None = None) -> None:
        """Inject ``data`` toward the server (every relayed connection when None)."""
        self.inject(conn_id, "server", data)

    def inject(self, conn_id: int | None, toward: str, data: bytes) -> None:
        """Send ``data`` to the ``server`` or the ``client`` of a relayed connection."""
        raise NotImplementedError
