"""The packet library, the panel and the reply rules box in the real window, over loopback."""

from __future__ import annotations

import itertools
import json
import socket
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from netassistant.core.config import Kind
from netassistant.core.packets.library import PacketLibrary
from netassistant.core.packets.model import Packet
from netassistant.core.packets.steps import Step
from netassistant.core.stats import SessionState
from netassistant.ui.packets.librarywindow import PacketLibraryWindow
from netassistant.ui.pane.pane import SessionPane
from tests.helpers import TIMEOUT

WAIT = int(TIMEOUT * 1000)
# Offscreen windows cannot be raised or sized by hints; the dialogs ask for both.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)
FIXTURE = Path(__file__).parents[1] / "core" / "packets" / "data" / "packetsender-packets.ini"


@pytest.fixture
def peer():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(TIMEOUT)
        yield sock


def udp_pane(qtbot, window, port: int) -> SessionPane:
    pane = window.open_pane(Kind.UDP)
    pane.settings.local_port.setValue(0)
    pane.settings.remote_port.setValue(port)
    assert pane.start()
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT)
    return pane


def library_window(qtbot, window, packets: list[Packet]) -> PacketLibraryWindow:
    library = PacketLibrary()
    library.save_all(packets)
    window.packets_action.trigger()
    dialog = window.findChild(PacketLibraryWindow)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reload()
    return dialog


def test_the_table_searches_and_ctrl_1_sends_into_the_current_pane(qtbot, window, peer):
    dialog = library_window(
        qtbot,
        window,
        [
            Packet("ping", "PING\\r\\n", escapes=True, notes="keep-alive"),
            Packet("read", "01 03 00 00 00 01", mode="hex", checksum="crc16-modbus"),
        ],
    )
    model = dialog.proxy
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["ping", "read"]
    assert [model.index(0, c).data() for c in range(6)] == [
        "ping", "PING\\r\\n", "any", "", "", "keep-alive"
    ]  # fmt: skip
    assert not dialog.send_packet(dialog.packets()[0])
    assert dialog.message.text() == "open a session pane first; nothing was sent"
    udp_pane(qtbot, window, peer.getsockname()[1])
    dialog.search.setText("MODBUS")
    assert model.rowCount() == 0
    dialog.search.setText("03 00")
    assert model.rowCount() == 1
    dialog.activateWindow()
    QTest.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert peer.recv(100) == bytes.fromhex("010300000001840a")
    assert dialog.message.text() == "sent read"


def test_a_udp_packet_goes_to_its_own_target(qtbot, window, peer):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as other:
        other.bind(("127.0.0.1", 0))
        other.settimeout(TIMEOUT)
        target = Packet("t", "AB", kind="udp", host="127.0.0.1", port=other.getsockname()[1])
        dialog = library_window(qtbot, window, [target, Packet("tcp only", "x", kind="tcp")])
        udp_pane(qtbot, window, peer.getsockname()[1])
        assert dialog.send_packet(target)
        assert other.recv(100) == b"AB"
    assert not dialog.send_packet(dialog.packets()[1])
    assert dialog.message.text() == "packet tcp only is meant for TCP sessions; nothing was sent"


def test_import_of_a_packet_sender_file_lists_what_was_skipped(qtbot, window):
    dialog = library_window(qtbot, window, [])
    assert dialog.import_file(str(FIXTURE))
    assert dialog.proxy.rowCount() == 4
    assert dialog.message.text().splitlines() == [
        "imported 4 packets",
        "skipped Web page: HTTP Get is an HTTP request in Packet Sender, not raw socket data; "
        "netassistant sends bytes over TCP and UDP only",
    ]


def test_panel_buttons_and_step_list_timing(qtbot, window, peer):
    dialog = library_window(qtbot, window, [Packet("A", "a"), Packet("B", "b")])
    panel = dialog.open_panel()
    panel.choose(["B"])
    assert [b.text() for b in panel.buttons] == ["B"]
    udp_pane(qtbot, window, peer.getsockname()[1])
    qtbot.mouseClick(panel.buttons[0], Qt.MouseButton.LeftButton)
    assert peer.recv(10) == b"b"
    for step in (Step("A"), Step(wait_ms=150), Step("B"), Step(wait_ms=150)):
        panel.add_step(step)
    panel.repeat.setValue(2)
    assert panel.run_steps()
    arrivals = []
    for _ in range(4):
        arrivals.append((peer.recv(10), time.monotonic()))
    assert [data for data, _ in arrivals] == [b"a", b"b", b"a", b"b"]
    gaps = [b[1] - a[1] for a, b in itertools.pairwise(arrivals)]
    # Each send is due 150 ms after the last was due (no drift), so one late send makes
    # the next gap shorter; the whole run cannot be shorter than the waits.
    assert all(0.08 <= gap < 0.15 + TIMEOUT for gap in gaps), gaps
    assert arrivals[-1][1] - arrivals[0][1] >= 0.44
    qtbot.waitUntil(lambda: panel.status.text() == "sent 4 of 4", timeout=WAIT)
    assert panel.run_button.isEnabled()


def test_a_step_list_must_start_with_a_send(qtbot, window, peer):
    dialog = library_window(qtbot, window, [Packet("A", "a")])
    panel = dialog.open_panel()
    udp_pane(qtbot, window, peer.getsockname()[1])
    panel.add_step(Step(wait_ms=10))
    panel.add_step(Step("A"))
    assert not panel.run_steps()
    assert panel.status.text() == "step 1: the steps must start with a send"


def test_the_rules_box_answers_and_counts_what_fired(qtbot, window, tmp_path):
    server = window.open_pane(Kind.TCP_SERVER)
    server.settings.local_port.setValue(0)
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps(
            {"mode": "first", "rules": [
                {"match_kind": "prefix", "match": "PING", "reply": "PONG {n}"},
                {"match_kind": "any", "reply": "?"},
            ]}
        ),
        encoding="utf-8",
    )  # fmt: skip
    box = server.auto_reply
    assert box.import_file(str(rules))
    box.enabled.setChecked(True)
    assert server.start()
    qtbot.waitUntil(lambda: server.controller.state is SessionState.LISTENING, timeout=WAIT)
    with socket.create_connection(("127.0.0.1", server.controller.local_port), TIMEOUT) as c:
        c.sendall(b"PING")
        assert c.recv(10) == b"PONG 1"
        time.sleep(0.05)
        c.sendall(b"PING")
        assert c.recv(10) == b"PONG 2"
    qtbot.waitUntil(lambda: box.table.item(0, 4).text() == "2", timeout=WAIT)
    assert box.table.item(1, 4).text() == "0"
    saved = server.profile("rules").send["reply_rules"]
    assert saved["enabled"] is True
    assert [r["match"] for r in saved["rules"]] == ["PING", ""]


def test_a_rule_re2_cannot_run_is_shown_and_nothing_answers(qtbot, window):
    pane = window.open_pane(Kind.TCP_SERVER)
    box = pane.auto_reply
    box.apply_settings({"rules": [{"match_kind": "regex", "match": "(a)\\1", "reply": "x"}]})
    assert box.rule() is None
    assert not box.enabled.isChecked()
    assert box.error.text().startswith(
        "rule 1: unsupported in auto-reply regular expressions: backreferences"
    )
