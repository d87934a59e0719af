"""Issue 13 §1 gaps in the real window over loopback.

Repeat at the interval, a stored panel, template packets, the send area's Packets button
and reply counters that survive edits.
"""

from __future__ import annotations

import contextlib
import socket
import time

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from netassistant.core.config import Kind
from netassistant.core.packets.library import PacketLibrary
from netassistant.core.packets.model import Packet
from netassistant.core.packets.panel import PanelSetup
from netassistant.core.packets.steps import Step
from netassistant.core.replies.rules import ReplyRule
from netassistant.core.stats import SessionState
from netassistant.core.templates.library import TemplateLibrary
from netassistant.ui.packets.librarywindow import PacketLibraryWindow
from netassistant.ui.packets.packetdialog import PacketDialog
from tests.e2e.test_packets_gui import WAIT, library_window, peer, udp_pane  # noqa: F401
from tests.helpers import TIMEOUT

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)
MODBUS = "Modbus/TCP read holding registers request"


def select(dialog: PacketLibraryWindow, row: int) -> None:
    index = dialog.proxy.index(row, 0)
    dialog.table.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def nothing_arrives(sock: socket.socket, wait: float) -> bool:
    sock.settimeout(wait)
    try:
        sock.recv(100)
    except TimeoutError:
        return True
    finally:
        sock.settimeout(TIMEOUT)
    return False


def datagrams(qtbot, sock: socket.socket, count: int) -> list[tuple[bytes, float]]:
    """``count`` datagrams with their arrival times, read while the Qt loop runs.

    See :func:`answer`: a blocked GUI thread would stall the session's sends.
    """
    got: list[tuple[bytes, float]] = []
    sock.setblocking(False)

    def arrived() -> bool:
        try:
            while len(got) < count:
                got.append((sock.recv(100), time.monotonic()))
        except BlockingIOError:
            pass
        return len(got) >= count

    try:
        qtbot.waitUntil(arrived, timeout=WAIT)
    finally:
        sock.settimeout(TIMEOUT)
    return got


def test_the_send_areas_packets_button_opens_the_library(qtbot, window):
    pane = window.open_pane(Kind.TCP_CLIENT)
    assert window.findChild(PacketLibraryWindow) is None
    assert pane.send_area.packets_button.text() == "Packets…"
    qtbot.mouseClick(pane.send_area.packets_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(PacketLibraryWindow)
    assert dialog is not None
    assert dialog.isVisible()


def test_repeat_at_its_interval_runs_on_the_engine_until_stopped(qtbot, window, peer):  # noqa: F811
    dialog = library_window(
        qtbot, window, [Packet("once", "o"), Packet("tick", "T", interval_ms=100)]
    )
    select(dialog, 0)
    assert not dialog.repeat_button.isEnabled()  # no interval: nothing it could do
    udp_pane(qtbot, window, peer.getsockname()[1])
    select(dialog, 1)
    assert dialog.repeat_button.isEnabled()
    qtbot.mouseClick(dialog.repeat_button, Qt.MouseButton.LeftButton)
    assert dialog.repeater.running("tick")
    assert dialog.repeat_button.text() == "Stop repeating"
    assert dialog.model.item(1, 4).text() == "100 ms (repeating)"
    arrivals = datagrams(qtbot, peer, 4)
    assert [data for data, _ in arrivals] == [b"T"] * 4
    assert arrivals[-1][1] - arrivals[0][1] >= 0.25  # 3 gaps of 100 ms, less timer slack
    qtbot.waitUntil(lambda: dialog.message.text().startswith("repeating tick every 100 ms"))
    qtbot.mouseClick(dialog.repeat_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.repeater.running("tick"), timeout=WAIT)
    assert dialog.message.text().startswith("stopped repeating tick after ")
    assert dialog.repeat_button.text() == "Repeat at its interval"
    assert dialog.model.item(1, 4).text() == "100 ms"
    while not nothing_arrives(peer, 0.05):
        pass  # what was in flight when Stop was clicked
    assert nothing_arrives(peer, 0.3)


def test_a_repeat_needs_a_running_session_and_says_so(qtbot, window):
    dialog = library_window(qtbot, window, [Packet("tick", "T", interval_ms=100)])
    window.open_pane(Kind.UDP)
    assert not dialog.repeat_packet(dialog.packets()[0])
    assert dialog.message.text() == "the session is not running; nothing was sent"


def test_the_panel_repeat_toggle_and_the_stored_panel(qtbot, window, peer):  # noqa: F811
    dialog = library_window(
        qtbot, window, [Packet("A", "a"), Packet("B", "b", interval_ms=80), Packet("C", "c")]
    )
    panel = dialog.open_panel()
    panel.choose(["A", "B"])
    assert list(panel.repeat_toggles) == ["B"]
    assert panel.repeat_toggles["B"].text() == "⟳ every 80 ms"
    for step in (Step("A"), Step(wait_ms=50), Step("C")):
        panel.add_step(step)
    panel.repeat.setValue(3)
    expected = PanelSetup(("A", "B"), (Step("A"), Step(wait_ms=50), Step("C")), 3)
    assert PacketLibrary().panel() == expected  # stored as it was built
    udp_pane(qtbot, window, peer.getsockname()[1])
    qtbot.mouseClick(panel.repeat_toggles["B"], Qt.MouseButton.LeftButton)
    assert [data for data, _ in datagrams(qtbot, peer, 3)] == [b"b", b"b", b"b"]
    assert dialog.repeater.running("B")
    assert panel.repeat_toggles["B"].isChecked()
    qtbot.mouseClick(panel.repeat_toggles["B"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.repeater.running("B"), timeout=WAIT)
    assert not panel.repeat_toggles["B"].isChecked()
    # Next time (a new library window), the panel is there as it was left.
    again = PacketLibraryWindow(PacketLibrary(), window.current_pane, window)
    qtbot.addWidget(again)
    restored = again.open_panel()
    assert restored.setup() == expected
    assert [b.text() for b in restored.buttons] == ["A", "B"]
    assert restored.steps.item(1).text() == "wait 50 ms"


def test_the_packet_dialog_builds_from_a_template_and_the_table_sends_it(
    qtbot,
    window,
    peer,  # noqa: F811
):
    templates = list(TemplateLibrary.builtins())
    dialog = PacketDialog(Packet("m"), window, templates)
    qtbot.addWidget(dialog)
    assert dialog.grid is None
    dialog.source.setCurrentIndex(1 + [t.name for t in templates].index(MODBUS))
    assert dialog.grid is not None
    assert not dialog.data.isVisibleTo(dialog)  # the template builds the payload
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.grid.set_value("quantity", "300")
    dialog.grid.set_value("unit", "999")
    assert not ok.isEnabled()
    assert dialog.error.text() == "packet.values: unit: 999 is out of range for u8 (0 .. 255)"
    dialog.grid.set_value("unit", "2")
    assert ok.isEnabled()
    assert dialog.preview.text() == "12 bytes: 00 01 00 00 00 06 02 03 00 00 01 2C"
    packet = dialog.packet()
    assert packet.template is not None
    assert packet.template.name == MODBUS
    dialog.source.setCurrentIndex(0)  # back to typed data: no grid, the data rows again
    assert dialog.grid is None
    assert dialog.data.isVisibleTo(dialog)
    assert dialog.packet().template is None
    # Stored, listed and sent from the table: the bytes are built at send time.
    table = library_window(qtbot, window, [packet])
    assert table.model.item(0, 1).text() == f"template: {MODBUS}"
    udp_pane(qtbot, window, peer.getsockname()[1])
    assert table.send_packet(table.packets()[0])
    assert peer.recv(100) == bytes.fromhex("000100000006020300 00012c".replace(" ", ""))
    # Editing it again shows the template and the stored values.
    edit = PacketDialog(table.packets()[0], window, templates)
    qtbot.addWidget(edit)
    assert edit.source.currentText() == f"Template: {MODBUS}"
    assert edit.grid is not None
    assert edit.grid.values()["quantity"] == "300"


def answer(qtbot, sock: socket.socket, request: bytes, size: int) -> bytes:
    """Send ``request`` and read ``size`` bytes while the Qt loop runs.

    The session's worker waits for the window to take its batches (back-pressure), so a
    test that blocked the GUI thread in recv() would stall the replies it waits for.
    """
    sock.sendall(request)
    got = bytearray()
    sock.setblocking(False)

    def arrived() -> bool:
        with contextlib.suppress(BlockingIOError):
            got.extend(sock.recv(size - len(got)))
        return len(got) >= size

    try:
        qtbot.waitUntil(arrived, timeout=WAIT)
    finally:
        sock.settimeout(TIMEOUT)
    return bytes(got)


def test_editing_one_reply_rule_keeps_the_other_rules_count_in_the_box(qtbot, window):
    server = window.open_pane(Kind.TCP_SERVER)
    server.settings.local_port.setValue(0)
    box = server.auto_reply
    ping = ReplyRule(match_kind="prefix", match="PING", reply="PONG {n}")
    box.set_rules([ping, ReplyRule(match_kind="any", reply="?")])
    box.enabled.setChecked(True)
    assert server.start()
    qtbot.waitUntil(lambda: server.controller.state is SessionState.LISTENING, timeout=WAIT)
    with socket.create_connection(("127.0.0.1", server.controller.local_port), TIMEOUT) as c:
        assert answer(qtbot, c, b"PING", 6) == b"PONG 1"
        assert answer(qtbot, c, b"PING", 6) == b"PONG 2"
        assert answer(qtbot, c, b"x", 1) == b"?"
        qtbot.waitUntil(lambda: box.table.item(1, 4).text() == "1", timeout=WAIT)
        # Edit the second rule only: the first keeps its 2 (and its {n} goes on at 3).
        box.set_rules([ping, ReplyRule(match_kind="any", reply="!")])
        assert [box.table.item(r, 4).text() for r in (0, 1)] == ["2", "0"]
        assert answer(qtbot, c, b"PING", 6) == b"PONG 3"
        assert answer(qtbot, c, b"x", 1) == b"!"
    qtbot.waitUntil(lambda: box.table.item(0, 4).text() == "3", timeout=WAIT)
    assert box.table.item(1, 4).text() == "1"
