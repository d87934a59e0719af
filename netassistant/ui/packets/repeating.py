"""PacketRepeater: "Repeat at its interval" for library packets, with Stop and progress.

A packet with a resend interval can be repeated into a pane until stopped: the repeat is
a :class:`~netassistant.core.sending.plans.SendPlan` (count 0, the packet's interval, its
UDP target) on the session's engine timers, like the send box's periodic send, so the
timing holds while the window is busy and it ends with the session. The library table
and the panel's buttons share one repeater, so both show the same repeats running.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from netassistant.core.config import Kind
from netassistant.core.packets.model import Packet, PacketError
from netassistant.qt.coremessages import tr_core, tr_error
from netassistant.qt.session import NotRunning
from netassistant.ui.packets.sending import PacketSender

if TYPE_CHECKING:
    from netassistant.qt.session import SessionController
    from netassistant.ui.pane.pane import SessionPane


@dataclasses.dataclass
class _Repeat:
    controller: SessionController
    plan_id: int
    interval_ms: int
    sent: int = 0


class PacketRepeater(QObject):
    """Runs and stops packet repeats; one per packet name at a time.

    Signals:
        changed(str, str): a repeat of the packet (name) started, moved on or ended;
            the text says what it did (translated), "" when nothing is to be said.
    """

    changed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sender = PacketSender(self)
        self._repeats: dict[str, _Repeat] = {}
        # Held (not their ids): a new controller could reuse a closed one's id.
        self._connected: list[SessionController] = []

    def running(self, name: str) -> bool:
        """True while packet ``name`` repeats."""
        return name in self._repeats

    def sent(self, name: str) -> int:
        """Sends of the running repeat of ``name`` so far (0 when none runs)."""
        repeat = self._repeats.get(name)
        return repeat.sent if repeat is not None else 0

    def start(self, pane: SessionPane | None, packet: Packet) -> str:
        """Repeat ``packet`` into ``pane`` at its interval; "" or why it did not start."""
        if packet.interval_ms <= 0:
            return self.tr("packet %1 has no resend interval; set one in Edit…").replace(
                "%1", packet.name
            )
        if packet.name in self._repeats:
            return ""
        refusal = self._sender.refusal(pane, packet)
        if refusal or pane is None:
            return refusal
        from netassistant.core.sending.plans import SendPlan

        try:
            data = packet.wire_bytes()
        except PacketError as exc:
            return tr_error(exc)
        host, port = "", 0
        if pane.kind is Kind.UDP:
            config = pane.config()
            host = packet.host or config.remote_host
            port = packet.port or config.remote_port
        plan = SendPlan(data, count=0, interval_ms=packet.interval_ms, udp_host=host, udp_port=port)
        controller = pane.controller
        try:
            plan_id = controller.start_plan(plan)
        except NotRunning:
            return self.tr("the session is not running; nothing was sent")
        if not any(c is controller for c in self._connected):
            self._connected.append(controller)
            controller.plan_progress.connect(self._on_progress)
        self._repeats[packet.name] = _Repeat(controller, plan_id, packet.interval_ms)
        self.changed.emit(packet.name, self._running_text(packet.name))
        return ""

    def stop(self, name: str) -> None:
        """Stop repeating ``name`` (its last progress says how many were sent)."""
        repeat = self._repeats.get(name)
        if repeat is not None:
            repeat.controller.cancel_plan(repeat.plan_id)

    def stop_all(self) -> None:
        """Stop every repeat (the library window closes)."""
        for name in list(self._repeats):
            self.stop(name)

    def _running_text(self, name: str) -> str:
        repeat = self._repeats[name]
        return (
            self.tr("repeating %1 every %2 ms: %3 sent")
            .replace("%1", name)
            .replace("%2", str(repeat.interval_ms))
            .replace("%3", str(repeat.sent))
        )

    @Slot(int, int, int, str, str)
    def _on_progress(self, plan_id: int, sent: int, total: int, state: str, message: str) -> None:
        controller = self.sender()
        for name, repeat in list(self._repeats.items()):
            if repeat.plan_id != plan_id or repeat.controller is not controller:
                continue
            repeat.sent = max(repeat.sent, sent)
            if state == "running":
                self.changed.emit(name, self._running_text(name))
                return
            del self._repeats[name]
            if state == "cancelled" or not message:  # Stop was clicked
                ended = (
                    self.tr("stopped repeating %1 after %2 sends")
                    .replace("%1", name)
                    .replace("%2", str(repeat.sent))
                )
            else:  # the session ended or a send failed: the message says why
                ended = (
                    self.tr("stopped repeating %1: %2")
                    .replace("%1", name)
                    .replace("%2", tr_core(message))
                )
            self.changed.emit(name, ended)
            return
