"""Drive the real window on a display (e.g. Xvfb :99) and save the README screenshots.

Run: ``DISPLAY=:99 .venv/bin/python docs/make_screenshots.py docs/``

Options: ``--size 1366x768`` (the window's size; default 1600x900) and ``--prefix zh-``
(a prefix for the file names). The interface follows the system language like the app
(``LANG=zh_CN.UTF-8`` for Chinese).

A TCP server pane (slow reader, so data piles up) and a TCP client pane are shown side by
side; the client sends five small messages back to back, which arrive in fewer recv()
calls: a sticky packet (粘包). Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from netassistant.core.config import Kind
from netassistant.core.stats import SessionState
from netassistant.ui.mainwindow import MainWindow


def pump(app: QApplication, seconds: float) -> None:
    """Process events for ``seconds``, so the window paints what it was told."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, predicate, timeout: float = 5.0) -> None:
    """Process events until ``predicate()`` is true or ``timeout`` seconds have passed."""
    end = time.monotonic() + timeout
    while not predicate() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(out: Path, size: tuple[int, int] = (1600, 900), prefix: str = "") -> None:
    """Drive the real window through the README scenes and save a PNG of each into ``out``."""
    from netassistant.app import install_translators

    app = QApplication(sys.argv[:1])
    install_translators(app)
    window = MainWindow()
    window.resize(*size)
    window.show()
    server = window.open_pane(Kind.TCP_SERVER)
    server.settings.local_port.setValue(0)
    server.settings.read_delay.setValue(400)
    server.start()
    wait_for(app, lambda: server.controller.state is SessionState.LISTENING)
    client = window.open_pane(Kind.TCP_CLIENT)
    client.settings.remote_port.setValue(server.controller.local_port)
    client.settings.nodelay.setChecked(True)
    client.start()
    wait_for(app, lambda: client.controller.state is SessionState.CONNECTED)
    window.set_side_by_side(True)
    for pane in (server, client):
        body = pane.splitters[0]
        body.setSizes([0, 1])  # settings columns dragged shut: the logs get the width
    for i in range(5):
        client.send_panel.set_input_text(f"hello {i};")
        client.send_panel.send()
    pump(app, 1.5)
    client.send_panel.set_input_text("你好，服务器")
    client.send_panel.send()
    pump(app, 1.0)
    server.receive.table.selectRow(server.receive.model.rowCount() - 2)
    pump(app, 0.5)
    window.grab().save(str(out / f"{prefix}screenshot-sticky.png"))
    server.receive.stream_toggle.click()
    pump(app, 0.8)
    window.grab().save(str(out / f"{prefix}screenshot-stream.png"))
    for pane in window.panes():
        window.close_session(pane)
    cure(app, window, out, prefix)
    window.close()


def cure(app: QApplication, window: MainWindow, out: Path, prefix: str = "") -> None:
    """The same burst, framed: the server decodes ten messages from fewer raw chunks."""
    from netassistant.core.profiles.model import find_profile

    window.set_side_by_side(False)
    server = window.open_profile(find_profile("Length-prefix server"))
    server.settings.local_port.setValue(0)
    server.settings.read_delay.setValue(300)
    server.start()
    wait_for(app, lambda: server.controller.state is SessionState.LISTENING)
    client = window.open_profile(find_profile("Length-prefix client"))
    client.settings.remote_port.setValue(server.controller.local_port)
    client.start()
    wait_for(app, lambda: client.controller.state is SessionState.CONNECTED)
    client.send_area.tools.apply_settings(
        {
            "repeat": 10,
            "burst": "one_call",
            "counter": True,
            "frame": "length",
            "frame_spec": "length:!I",
        }
    )
    client.send_panel.set_input_text("message {n}")
    client.send_panel.send()
    wait_for(app, lambda: server.decode.model.rowCount() == 10)
    pump(app, 0.5)
    window.tabs.setCurrentWidget(server)
    server.messages.table.selectRow(4)
    pump(app, 0.6)
    window.grab().save(str(out / f"{prefix}screenshot-cure.png"))
    for pane in window.panes():
        window.close_session(pane)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs", type=Path)
    parser.add_argument("--size", default="1600x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--prefix", default="", help="file name prefix")
    options = parser.parse_args()
    width, height = (int(v) for v in options.size.lower().split("x"))
    main(options.out, (width, height), options.prefix)
