"""A panel's step list as a send script: sends, pauses, rounds, and what is refused."""

from __future__ import annotations

import pytest

from netassistant.core.packets.model import Packet, PacketError
from netassistant.core.packets.steps import Step, build_script
from netassistant.core.pipeline import SendItem

PACKETS = {
    "A": Packet("A", "a"),
    "B": Packet("B", "01 02", mode="hex", checksum="xor8"),
    "U": Packet("U", "u", kind="udp", host="127.0.0.1", port=9),
}


def test_waits_become_the_pause_after_the_send_before_them() -> None:
    steps = [Step("A"), Step(wait_ms=100), Step(wait_ms=50), Step("B"), Step(wait_ms=20)]
    script = build_script(steps, PACKETS, udp=False, repeat=3)
    assert script.items == (
        SendItem(data=b"a", pause_ms=150),
        SendItem(data=b"\x01\x02\x03", pause_ms=20),
    )
    assert (script.repeat, script.total) == (3, 6)


def test_udp_packets_keep_their_target_only_in_udp_sessions() -> None:
    assert build_script([Step("U")], PACKETS, udp=True).items == (
        SendItem(data=b"u", host="127.0.0.1", port=9),
    )
    assert build_script([Step("U")], PACKETS, udp=False).items == (SendItem(data=b"u"),)


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ([], r"^add a send step first: there is nothing to send$"),
        ([Step(wait_ms=5), Step("A")], r"^step 1: the steps must start with a send$"),
        ([Step("A"), Step("Z")], r"^step 2: no packet named 'Z'$"),
        ([Step("A"), Step(wait_ms=600_001)], r"^step 2: a wait must be 0 to 600000 ms$"),
    ],
)
def test_refused_step_lists(steps: list[Step], message: str) -> None:
    with pytest.raises(PacketError, match=message):
        build_script(steps, PACKETS, udp=False)
