"""Profiles in the app: save a pane, reopen it, restore on restart, share the store with the CLI."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from netassistant.app import build_window, parse_args
from netassistant.core.config import Kind
from netassistant.core.profiles.model import find_profile
from netassistant.core.profiles.store import ProfileStore
from netassistant.core.stats import SessionState
from netassistant.ui.appstate import AppState
from netassistant.ui.mainwindow import MainWindow
from tests.filehelpers import unblocked_after_deadline
from tests.helpers import TIMEOUT

WAIT = int(TIMEOUT * 1000)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def configure(pane) -> None:
    s = pane.settings
    s.local_port.setValue(0)
    s.recv_size.setValue(4096)
    s.read_delay.setValue(25)
    s.encoding.setCurrentText("gbk")
    s.nodelay.setChecked(True)
    pane.receive.apply_settings({"display": "hex", "max_rows": 5000})
    pane.send_panel.set_mode("hex")
    pane.send_panel.set_append("\r\n")


def test_save_close_reopen_gives_the_same_pane_and_it_works(qtbot, window):
    pane = window.open_pane(Kind.TCP_SERVER)
    configure(pane)
    saved = pane.profile("demo")
    assert window.save_pane_as(pane, "demo")
    assert window.statusBar().currentMessage() == "saved profile 'demo'"
    window.close_session(pane)

    again = window.open_profile(find_profile("demo"))
    assert again.profile("demo").to_dict() == saved.to_dict()
    assert again.settings.encoding.currentText() == "gbk"
    assert again.receive.model.max_rows == 5000
    assert again.log_limits.limits()[0] == 5000
    assert again.send_panel.mode() == "hex"
    assert again.title() == "demo"
    # ... and it works against a live peer.
    again.start()
    qtbot.waitUntil(lambda: again.controller.state is SessionState.LISTENING, timeout=WAIT)
    with socket.create_connection(("127.0.0.1", again.controller.local_port), timeout=TIMEOUT) as c:
        c.sendall("你好".encode("gbk"))
        qtbot.waitUntil(lambda: again.controller.stats.rx_bytes == 4, timeout=WAIT)
    assert window.save_pane_as(again, "demo")
    assert window.statusBar().currentMessage() == "replaced profile 'demo'"


def test_invalid_settings_are_not_saved(window):
    pane = window.open_pane(Kind.TCP_CLIENT)
    pane.settings.remote_port.setValue(0)
    assert not window.save_pane_as(pane, "broken")
    assert not ProfileStore().exists("broken")


def test_restore_on_restart_brings_back_the_panes(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    server = first.open_pane(Kind.TCP_SERVER)
    server.settings.local_port.setValue(9123)
    udp = first.open_pane(Kind.UDP)
    udp.settings.remote_port.setValue(9555)
    expected = [p.config().to_dict() for p in first.panes()]
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.restore() == 2
    assert [p.config().to_dict() for p in second.panes()] == expected
    assert [p.kind for p in second.panes()] == [Kind.TCP_SERVER, Kind.UDP]

    second.restore_action.setChecked(False)
    second.close()
    third = MainWindow()
    qtbot.addWidget(third)
    assert third.restore() == 0


def test_started_sessions_become_recent(qtbot, window):
    pane = window.open_pane(Kind.UDP)
    pane.settings.local_port.setValue(0)
    asked = pane.config().to_dict()  # port 0: the recent entry keeps "any free port"
    pane.start()
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT)
    recent = window.state.recent()
    assert recent[0].config.to_dict() == asked
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[0].endswith(recent[0].config.describe())


def test_app_opens_profile_by_name_and_reports_bad_files(qtbot):
    store = ProfileStore()
    bad = store.profiles_dir / "broken.json"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b'{"schema_version": 1, "name": ')
    before = bad.read_bytes()
    win = build_window(parse_args(["--profile", "Echo server"]))
    qtbot.addWidget(win)
    try:
        assert [p.profile_name for p in win.panes()] == ["Echo server"]
        message = win.statusBar().currentMessage()
        assert message.startswith(f"profile file {bad} is not valid JSON")
        assert bad.read_bytes() == before
    finally:
        for pane in win.panes():
            pane.shutdown()


def test_hostile_profile_files_never_stop_the_window(qtbot):
    store = ProfileStore()
    store.profiles_dir.mkdir(parents=True, exist_ok=True)
    good = find_profile("Echo server")
    good.name = "good one"
    store.save(good)
    doc = good.to_dict()
    doc["name"] = "big"
    big = json.dumps(doc).replace('"local_port": 9000', '"local_port": ' + "9" * 5000)
    (store.profiles_dir / "big.json").write_text(big, "utf-8")
    doc["name"], doc["view"] = "deep", {"x": "@"}
    deep = json.dumps(doc).replace('"@"', "[" * 900 + "]" * 900)
    (store.profiles_dir / "deep.json").write_text(deep, "utf-8")
    fifo = store.profiles_dir / "pipe.json"
    os.mkfifo(fifo)
    with unblocked_after_deadline(fifo):
        win = build_window(parse_args(["--profile", "good one"]))
    qtbot.addWidget(win)
    try:
        assert [p.profile_name for p in win.panes()] == ["good one"]
        message = win.statusBar().currentMessage()
        assert message.startswith(
            f"profile file {store.profiles_dir / 'big.json'}: config.local_port: the number "
        )
        assert message.endswith("(and 2 more unreadable profiles)")
    finally:
        for pane in win.panes():
            pane.shutdown()


def test_unknown_profile_is_reported_and_the_app_starts(qtbot):
    win = build_window(parse_args(["--profile", "no such thing"]))
    qtbot.addWidget(win)
    try:
        assert win.statusBar().currentMessage() == "no profile named 'no such thing'"
        assert [p.kind for p in win.panes()] == [Kind.TCP_SERVER]
    finally:
        for pane in win.panes():
            pane.shutdown()


def test_cli_and_gui_read_the_same_store(window):
    pane = window.open_pane(Kind.TCP_CLIENT)
    pane.settings.remote_port.setValue(9777)
    assert window.save_pane_as(pane, "shared")
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-m", "netassistant.cli", "profile", "show", "shared"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["config"]["remote_port"] == 9777
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "netassistant.cli",
            "profile",
            "save",
            "from-cli",
            "--kind",
            "udp",
            "--local-port",
            "9100",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    opened = window.open_profile(find_profile("from-cli"))
    assert opened.kind is Kind.UDP
    assert opened.settings.local_port.value() == 9100


def test_state_file_lives_in_the_config_dir():
    state = AppState()
    state.set_value("probe", "1")
    state.sync()
    assert Path(state.settings.fileName()) == ProfileStore().config_dir / "settings.ini"


def test_restored_unnamed_pane_keeps_a_live_title(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.open_pane(Kind.TCP_SERVER).settings.local_port.setValue(9124)
    named = first.open_pane(Kind.TCP_SERVER)
    assert first.save_pane_as(named, "mine")
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.restore()
    plain, mine = second.panes()
    assert (plain.profile_name, mine.profile_name) == ("", "mine")
    plain.settings.local_port.setValue(9125)
    assert plain.title() == "TCP server 127.0.0.1:9125"
