"""A packet panel's step list (send A, wait 100 ms, send B) as a send script.

The steps run as a :class:`~netassistant.core.pipeline.script.SendScript` on the engine's
timers, like ``netassistant-cli --send``: each send is one send call (one TX chunk), each
wait is the pause after the send before it, so the timing does not depend on the window
being responsive.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from netassistant.core.i18n import text
from netassistant.core.packets.model import Packet, PacketError
from netassistant.core.pipeline.script import SendItem, SendScript

#: Longest wait step: ten minutes.
MAX_WAIT_MS = 600_000


@dataclasses.dataclass(frozen=True, slots=True)
class Step:
    """One step: send the packet ``name``, or wait ``wait_ms``.

    Attributes:
        name: The packet to send ("" for a wait).
        wait_ms: How long to wait (for a wait step).
    """

    name: str = ""
    wait_ms: int = 0

    @property
    def is_wait(self) -> bool:
        """True for a wait step."""
        return not self.name


def build_script(
    steps: Sequence[Step], packets: Mapping[str, Packet], *, udp: bool, repeat: int = 1
) -> SendScript:
    """The script that runs ``steps`` ``repeat`` times.

    A wait after the last send separates one round from the next.

    Raises:
        PacketError: no send step, a wait before the first send, an unknown packet, a
            packet that cannot be built, or a wait out of range.
    """
    items: list[SendItem] = []
    for number, step in enumerate(steps, 1):
        if step.is_wait:
            if not 0 <= step.wait_ms <= MAX_WAIT_MS:
                message = text(
                    "step {number}: a wait must be 0 to {limit} ms",
                    number=number,
                    limit=MAX_WAIT_MS,
                )
                raise PacketError(message)
            if not items:
                raise PacketError(
                    text("step {number}: the steps must start with a send", number=number)
                )
            last = items[-1]
            items[-1] = last.replace(pause_ms=last.pause_ms + step.wait_ms)
            continue
        packet = packets.get(step.name)
        if packet is None:
            message = text("step {number}: no packet named {name!r}", number=number, name=step.name)
            raise PacketError(message)
        data = packet.wire_bytes()
        if udp and packet.host:
            items.append(SendItem(data=data, host=packet.host, port=packet.port))
        else:
            items.append(SendItem(data=data))
    if not items:
        raise PacketError(text("add a send step first: there is nothing to send"))
    return SendScript(items, repeat=repeat)
