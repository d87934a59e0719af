"""The window's multicast box, replay dialog, pcap capture and addressing options."""

from __future__ import annotations

import json
import socket

import dpkt
import pytest
from PySide6.QtCore import Qt

from netassistant.core.config import Family, Kind
from netassistant.core.stats import SessionState
from tests.e2e.test_gui_sessions import WAIT, data_rows, start

GROUP = "239.255.81.11"
# The replay dialog is a top-level window; the offscreen platform cannot size or raise one.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support propagateSizeHints"
)


def udp_pane(qtbot, window, **config):
    pane = window.open_pane(Kind.UDP)
    pane.settings.local_port.setValue(0)
    for name, value in config.items():
        getattr(pane.settings, name).setEditText(value)
    start(qtbot, pane)
    return pane


def test_multicast_box_joins_receives_and_leaves(qtbot, window):
    pane = udp_pane(qtbot, window, local_host="0.0.0.0")
    box = pane.multicast
    assert box is not None
    box.group.setText(GROUP)
    box.interface.setCurrentIndex(box.interface.findData("lo"))
    qtbot.mouseClick(box.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.joined.count() == 1, timeout=WAIT)
    assert box.joined.itemText(0) == f"{GROUP}@lo"
    port = pane.controller.local_port
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as tx:
        tx.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("127.0.0.1"))
        tx.sendto(b"to the group", (GROUP, port))
        qtbot.waitUntil(lambda: bool(data_rows(pane)), timeout=WAIT)
    assert data_rows(pane)[0].data == b"to the group"
    box.joined.setCurrentIndex(0)
    qtbot.mouseClick(box.leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.joined.count() == 0, timeout=WAIT)


def test_multicast_box_refuses_a_unicast_address_inline(qtbot, window):
    pane = udp_pane(qtbot, window)
    pane.multicast.group.setText("10.0.0.1")
    qtbot.mouseClick(pane.multicast.join_button, Qt.MouseButton.LeftButton)
    assert pane.multicast.error.text() == (
        "10.0.0.1 is not a multicast address (224.0.0.0/4 or ff00::/8)"
    )
    assert pane.multicast.joined.count() == 0


def test_replay_dialog_sends_each_recorded_chunk(qtbot, window, tmp_path):
    rec = tmp_path / "rec.jsonl"
    sends = [b"alpha", b"\x00\x01", b"gamma"]
    rec.write_text(
        "".join(
            json.dumps(
                {"event": "chunk", "dir": "tx", "ts": 100 + i * 0.05, "hex": d.hex(), "len": len(d)}
            )
            + "\n"
            for i, d in enumerate(sends)
        )
    )
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.bind(("127.0.0.1", 0))
        peer.settimeout(WAIT / 1000)
        pane = window.open_pane(Kind.UDP)
        pane.settings.local_port.setValue(0)
        pane.settings.remote_port.setValue(peer.getsockname()[1])
        start(qtbot, pane)
        dialog = pane.send_area.open_replay()
        dialog.path.setText(str(rec))
        with qtbot.waitSignal(
            pane.controller.plan_progress, timeout=WAIT, check_params_cb=lambda *a: a[3] == "done"
        ):
            qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert [peer.recv(100) for _ in sends] == sends
        assert dialog.progress.value() == 3
        assert dialog.status.text().endswith("done: 3 chunks sent")
        dialog.close()


def test_replay_dialog_shows_a_corrupt_file_and_sends_nothing(qtbot, window, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n")
    pane = udp_pane(qtbot, window)
    dialog = pane.send_area.open_replay()
    dialog.path.setText(str(bad))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert dialog.error.text().startswith(f"{bad}, line 1: not JSON")
    assert pane.controller.stats.tx_bytes == 0
    dialog.close()


def test_capture_box_writes_pcap(qtbot, window, tmp_path):
    pane = udp_pane(qtbot, window)
    path = tmp_path / "c.pcap"
    assert pane.capture.start_log(str(path), "pcap")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as tx:
        tx.bind(("127.0.0.1", 0))
        tx.sendto(b"captured", ("127.0.0.1", pane.controller.local_port))
        qtbot.waitUntil(lambda: bool(data_rows(pane)), timeout=WAIT)
        sport = tx.getsockname()[1]
    pane.capture.stop_log()
    with open(path, "rb") as fh:
        udp = [dpkt.ethernet.Ethernet(b).data.data for _, b in dpkt.pcap.Reader(fh)]
    assert [(u.sport, u.dport, u.data) for u in udp] == [
        (sport, pane.controller.local_port, b"captured")
    ]


def test_dual_stack_checkbox_for_an_ipv6_server(qtbot, window):
    pane = window.open_pane(Kind.TCP_SERVER)
    options = pane.settings.addressing
    pane.settings.family.setCurrentIndex(pane.settings.family.findData(Family.INET6.value))
    assert options.dual_stack.isVisibleTo(pane)
    pane.settings.local_host.setEditText("::")
    pane.settings.local_port.setValue(0)
    options.dual_stack.setChecked(True)
    start(qtbot, pane, SessionState.LISTENING)
    assert pane.controller.config.dual_stack
    with socket.create_connection(("127.0.0.1", pane.controller.local_port), timeout=5) as c:
        qtbot.waitUntil(lambda: len(pane.controller.stats.clients) == 1, timeout=WAIT)
        peer = f"127.0.0.1:{c.getsockname()[1]}"
        assert [cl.peer for cl in pane.controller.stats.clients.values()] == [peer]
    pane.settings.family.setCurrentIndex(pane.settings.family.findData(Family.INET.value))
    assert not options.dual_stack.isVisibleTo(pane)


def test_save_log_as_pcap_then_keep_recording(qtbot, window, tmp_path):
    pane = udp_pane(qtbot, window)
    path = tmp_path / "log.pcap"
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as tx:
        tx.sendto(b"before", ("127.0.0.1", pane.controller.local_port))
        qtbot.waitUntil(lambda: len(data_rows(pane)) == 1, timeout=WAIT)
        assert pane.save_log(str(path), "pcap", keep_recording=True) == 2  # with its event
        tx.sendto(b"after", ("127.0.0.1", pane.controller.local_port))
        qtbot.waitUntil(lambda: len(data_rows(pane)) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: pane.capture.log_tap.capture.packets_written == 1, timeout=WAIT)
    pane.capture.stop_log()
    with open(path, "rb") as fh:
        payloads = [dpkt.ethernet.Ethernet(b).data.data.data for _, b in dpkt.pcap.Reader(fh)]
    assert payloads == [b"before", b"after"]
