"""PacketSender: hands a library packet (or a step list) to the current pane's session.

One home for the rules both the library table and the panel follow: the session must run,
a TCP server needs a client, a packet meant for UDP does not go into a TCP pane (and the
other way round), a UDP packet with a target goes there. Every refusal is a sentence for
the window; nothing is half-sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from netassistant.core.config import Kind
from netassistant.core.packets.model import Packet, PacketError
from netassistant.qt.coremessages import tr_error

if TYPE_CHECKING:
    from netassistant.core.packets.steps import Step
    from netassistant.core.pipeline import SendScript
    from netassistant.ui.pane.pane import SessionPane


class PacketSender(QObject):
    """Sends packets into a pane; each method returns "" or why nothing was sent."""

    def refusal(self, pane: SessionPane | None, packet: Packet | None) -> str:
        """Why ``packet`` cannot go into ``pane`` now ("" when it can)."""
        if pane is None:
            return self.tr("open a session pane first; nothing was sent")
        if not pane.controller.running:
            return self.tr("the session is not running; nothing was sent")
        if pane.kind is Kind.TCP_SERVER and not pane.controller.stats.clients:
            return self.tr("no client is connected; nothing was sent")
        wrong_kind = packet is not None and (packet.kind == "udp") != (pane.kind is Kind.UDP)
        if packet is not None and packet.kind != "any" and wrong_kind:
            return (
                self.tr("packet %1 is meant for %2 sessions; nothing was sent")
                .replace("%1", packet.name)
                .replace("%2", packet.kind.upper())
            )
        return ""

    def send(self, pane: SessionPane | None, packet: Packet) -> str:
        """Send ``packet`` once into ``pane``'s session."""
        refusal = self.refusal(pane, packet)
        if refusal or pane is None:
            return refusal
        try:
            data = packet.wire_bytes()
        except PacketError as exc:
            return tr_error(exc)
        ctl = pane.controller
        if pane.kind is Kind.UDP and packet.host:
            ctl.send_to(data, packet.host, packet.port or pane.config().remote_port)
        elif pane.kind is Kind.UDP:
            # The pane's own target, as the send box would use it.
            config = pane.config()
            ctl.send_to(data, config.remote_host, config.remote_port)
        else:
            ctl.send(data)
        return ""

    def run_steps(
        self,
        pane: SessionPane | None,
        steps: Sequence[Step],
        packets: Mapping[str, Packet],
        repeat: int,
    ) -> tuple[SendScript | None, str]:
        """Start ``steps`` on ``pane``'s engine timers: (the running script, "") or (None, why)."""
        from netassistant.core.packets.steps import build_script

        refusal = self.refusal(pane, None)
        if refusal or pane is None:
            return None, refusal
        for step in steps:
            packet = packets.get(step.name)
            refusal = self.refusal(pane, packet) if packet is not None else ""
            if refusal:
                return None, refusal
        try:
            script = build_script(steps, packets, udp=pane.kind is Kind.UDP, repeat=repeat)
        except PacketError as exc:
            return None, tr_error(exc)
        pane.controller.start_script(script)
        return script, ""
