"""Drive the real window on a display (e.g. Xvfb :99) and save the README screenshots.

Run: ``DISPLAY=:99 .venv/bin/python docs/make_screenshots.py docs/``

Options: ``--size 1366x768`` (the window's size; default 1600x900), ``--prefix zh-``
(a prefix for the file names) and ``--scenes sticky,side-by-side`` (default: all). The
interface follows the system language like the app (``LANG=zh_CN.UTF-8`` for Chinese).
``--readme`` regenerates the README's whole set (each size and language in its own
process, as the language is chosen at start-up): ``DISPLAY=:99 .venv/bin/python
docs/make_screenshots.py --readme docs/``.

Scenes (see :data:`SCENES`): a sticky packet (粘包) side by side and in the stream view,
its cure by framing, two panes side by side as the window lays them out, the timeline
of a connection from handshake to TIME_WAIT and of a sticky packet in presentation mode,
a lab in progress, a relay with a slicer fault, and the device-testing tools. Every
session is real and stays on 127.0.0.1; profiles and packets go to a throw-away
configuration folder, so the set does not depend on (or touch) the user's.

(Over 400 lines for a reason: eight short scenes on a few shared helpers read best in
one file, in the order they run; none is imported by the app.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Before the app reads it: a fresh configuration (no remembered zoom, theme or panes).
os.environ["NETASSISTANT_CONFIG_DIR"] = tempfile.mkdtemp(prefix="netassistant-shots-")

from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication

from netassistant.core.config import Kind
from netassistant.core.stats import SessionState
from netassistant.ui.mainwindow import MainWindow
from netassistant.ui.pane.pane import SessionPane

#: The README's set: (window size, language, file prefix, scenes).
README_SET = (
    ("1600x900", "en", "", "sticky,cure"),
    ("1366x768", "en", "1366-", "side-by-side,relay"),
    ("1920x1080", "en", "1920-", "side-by-side,teach-close,teach-sticky,device"),
    ("1366x768", "zh", "zh-1366-", "side-by-side,lab"),
)
#: A bound on every wait for a session: a scene never hangs.
TIMEOUT = 10.0


def pump(app: QApplication, seconds: float) -> None:
    """Process events for ``seconds``, so the window paints what it was told."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, predicate: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    """Process events until ``predicate()`` is true; fail after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError(f"a scene waited {timeout} s in vain")
        app.processEvents()
        time.sleep(0.01)


def server_and_client(
    app: QApplication, window: MainWindow, read_delay: int = 0
) -> tuple[SessionPane, SessionPane]:
    """A listening TCP server pane and a TCP client pane connected to it."""
    server = window.open_pane(Kind.TCP_SERVER)
    server.settings.local_port.setValue(0)
    server.settings.read_delay.setValue(read_delay)
    server.start()
    wait_for(app, lambda: server.controller.state is SessionState.LISTENING)
    client = window.open_pane(Kind.TCP_CLIENT)
    client.settings.remote_port.setValue(server.controller.local_port)
    client.settings.nodelay.setChecked(True)
    client.start()
    wait_for(app, lambda: client.controller.state is SessionState.CONNECTED)
    wait_for(app, lambda: bool(server.controller.stats.clients))
    return server, client


def send(client: SessionPane, *texts: str) -> None:
    """Send each text as one message from the client's send box."""
    for text in texts:
        client.send_panel.set_input_text(text)
        client.send_panel.send()


def close_all(window: MainWindow) -> None:
    """End every session and put the window back as it started."""
    window.view_controls.set_presentation(False)
    for pane in window.panes():
        window.close_session(pane)
    window.set_side_by_side(False)


def save(window: MainWindow, path: Path) -> None:
    """Save the window as it is drawn now."""
    window.grab().save(str(path))
    print(path)


def give_timeline_room(app: QApplication, pane: SessionPane) -> None:
    """Most of the pane's height for the log and timeline, most of that for the timeline."""
    pump(app, 1.0)  # after presentation mode's zoom has settled every layout
    right = pane.splitters[1]
    sizes = right.sizes()
    total = sum(sizes)
    rest = [1] * (len(sizes) - 1)  # the splitter keeps each at its minimum height
    right.setSizes([total - sum(rest), *rest])
    split = pane.receive_split
    sizes = split.sizes()
    if len(sizes) >= 2:
        both = sizes[0] + sizes[1]
        sizes[0], sizes[1] = both * 2 // 5, both - both * 2 // 5
        split.setSizes(sizes)
    pump(app, 0.5)


# ------------------------------------------------------------------------ scenes
def sticky(app: QApplication, window: MainWindow, out: Path, prefix: str) -> None:
    """A slow server receives five small messages in fewer recv() calls (粘包)."""
    server, client = server_and_client(app, window, read_delay=400)
    window.set_side_by_side(True)
    for pane in (server, client):
        body = pane.splitters[0]
        body.setSizes([0, 1])  # settings columns dragged shut: the logs get the width
    send(client, *(f"hello {i};" for i in range(5)))
    pump(app, 1.5)
    send(client, "你好，服务器")
    pump(app, 1.0)
    server.receive.table.selectRow(server.receive.model.rowCount() - 2)
    pump(app, 0.5)
    save(window, out / f"{prefix}screenshot-sticky.png")
    server.receive.stream_toggle.click()
    pump(app, 0.8)
    save(window, out / f"{prefix}screenshot-stream.png")
    close_all(window)


def cure(app: QApplication, window: MainWindow, out: Path, prefix: str) -> None:
    """The same burst, framed: the server decodes ten messages from fewer raw chunks."""
    from netassistant.core.profiles.model import find_profile

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
    send(client, "message {n}")
    wait_for(app, lambda: server.decode.model.rowCount() == 10)
    pump(app, 0.5)
    window.tabs.setCurrentWidget(server)
    server.messages.table.selectRow(4)
    pump(app, 0.6)
    save(window, out / f"{prefix}screenshot-cure.png")
    close_all(window)


def side_by_side(app: QApplication, window: MainWindow, out: Path, prefix: str) -> None:
    """A server and its client side by side, laid out as the window does at this size."""
    server, client = server_and_client(app, window)
    window.set_side_by_side(True)
    send(client, "GET /status", "你好")
    wait_for(app, lambda: server.controller.stats.rx_bytes >= 17)
    server.send_panel.set_input_text("200 OK")
    server.send_panel.send()
    wait_for(app, lambda: client.controller.stats.rx_bytes == 6)
    pump(app, 0.8)
    save(window, out / f"{prefix}side-by-side.png")
    close_all(window)


def teach_close(app: QApplication, window: MainWindow, out: Path, prefix: str) -> None:
    """Handshake to TIME_WAIT: the server's timeline and socket state, presentation mode.

    The server closes first, so its side of the connection waits in TIME_WAIT while
    the session keeps listening (and the panel keeps watching).
    """
    server, client = server_and_client(app, window)
    server.timeline.set_shown(True)
    send(client, "hello")
    wait_for(app, lambda: server.controller.stats.rx_bytes == 5)
    server.send_panel.set_input_text("bye")
    server.send_panel.send()
    wait_for(app, lambda: client.controller.stats.rx_bytes == 3)
    assert server.clients is not None
    assert server.socket_state is not None
    server.clients.table.selectRow(0)
    server.controller.close_connection(1)  # the client closes when its peer does
    panel = server.socket_state
    wait_for(app, lambda: panel.ours.text() == "TIME_WAIT")
    window.tabs.setCurrentWidget(server)
    window.view_controls.set_presentation(True)
    # The socket state panel lives in the settings column: bring it back for this pane.
    window.view_controls.columns.set_column(server, True)
    column = server.splitters[0].widget(0)
    give_timeline_room(app, server)
    column.ensureWidgetVisible(panel)  # type: ignore[attr-defined]
    pump(app, 1.5)
    save(window, out / f"{prefix}teach-time-wait.png")
    close_all(window)


def teach_sticky(app: QApplication, window: MainWindow, out: Path, prefix: str) -> None:
    """A sticky packet on the server's timeline, presentation mode."""
    server, client = server_and_client(app, window, read_delay=400)
    server.timeline.set_shown(True)
    send(client, *(f"msg{i};" for i in range(5)))
    wait_for(app, lambda: server.controller.stats.rx_bytes == 25)
    window.tabs.setCurrentWidget(server)
    window.view_controls.set_presentation(True)
    give_timeline_room(app, server)
    save(window, out / f"{prefix}teach-sticky.png")
    close_all(window)


def lab(app: QApplication, window: MainWindow, out: Path, prefix: str) -> None:
    """A lab half way: the prediction chosen, the first stages run, the timeline beside."""
    from netassistant.core.scenario.labs import load_lab

    window.show_labs()
    dock = window.labs_dock()
    dock.start(load_lab("sticky-slow-reader"))
    page = dock.page
    assert page is not None
    page.choices.button(1).click()
    for button in page.stage_buttons:
        wait_for(app, button.isEnabled)
        button.click()
    wait_for(app, lambda: bool(page.verdict_label.text()))
    server = window.panes()[0]
    server.timeline.set_shown(True)
    for pane in window.panes():  # the lab page and the log need the width
        window.view_controls.columns.set_column(pane, False)
    pump(app, 1.0)
    save(window, out / f"{prefix}lab.png")
    dock.stop()
    dock.hide()
    close_all(window)


def relay(app: QApplication, window: MainWindow, out: Path, prefix: str) -> None:
    """A relay between a client and a server, a slicer cutting what goes to the server."""
    server = window.open_pane(Kind.TCP_SERVER)
    server.settings.local_port.setValue(0)
    server.start()
    wait_for(app, lambda: server.controller.state is SessionState.LISTENING)
    middle = window.open_pane(Kind.RELAY)
    middle.settings.local_port.setValue(0)
    middle.settings.remote_port.setValue(server.controller.local_port)
    faults = middle.faults  # type: ignore[attr-defined]
    faults.set_specs(["up:slicer:size=4,delay_ms=30"])  # client -> server in 4-byte pieces
    middle.start()
    wait_for(app, lambda: middle.controller.state is SessionState.LISTENING)
    client = window.open_pane(Kind.TCP_CLIENT)
    client.settings.remote_port.setValue(middle.controller.local_port)
    client.start()
    wait_for(app, lambda: client.controller.state is SessionState.CONNECTED)
    wait_for(app, lambda: bool(server.controller.stats.clients))
    send(client, "HELLO SERVER")
    wait_for(app, lambda: server.controller.stats.rx_bytes == 12)
    server.send_panel.set_input_text("OK")
    server.send_panel.send()
    wait_for(app, lambda: client.controller.stats.rx_bytes == 2)
    window.tabs.setCurrentWidget(middle)
    pump(app, 0.5)
    middle.splitters[0].widget(0).ensureWidgetVisible(faults)  # type: ignore[attr-defined]
    middle.receive.table.selectRow(middle.receive.model.rowCount() - 4)  # a 4-byte slice
    pump(app, 0.8)
    save(window, out / f"{prefix}relay.png")
    close_all(window)


def device(app: QApplication, window: MainWindow, out: Path, prefix: str) -> None:
    """Testing a device: reply rules, a packet panel, a template grid, the generator."""
    from netassistant.core.packets.library import PacketLibrary
    from netassistant.core.packets.model import Packet
    from netassistant.ui.packets.librarywindow import PacketLibraryWindow

    rules = Path(os.environ["NETASSISTANT_CONFIG_DIR"]) / "rules.json"
    rules.write_text(
        json.dumps(
            {
                "mode": "first",
                "rules": [
                    {"match_kind": "prefix", "match": "PING", "reply": "PONG {n}"},
                    {"match_kind": "any", "reply": "ACK"},
                ],
            }
        ),
        encoding="utf-8",
    )
    server = window.open_pane(Kind.TCP_SERVER)  # the "device": answers by rules
    server.settings.local_port.setValue(0)
    server.auto_reply.import_file(str(rules))
    server.auto_reply.enabled.setChecked(True)
    server.start()
    wait_for(app, lambda: server.controller.state is SessionState.LISTENING)
    client = window.open_pane(Kind.TCP_CLIENT)
    client.settings.remote_port.setValue(server.controller.local_port)
    client.start()
    wait_for(app, lambda: client.controller.state is SessionState.CONNECTED)
    window.set_side_by_side(True)
    sections = client.sections
    sections.rate_graph.set_open(True)
    generator = sections.body(sections.generator)
    sections.generator.set_open(True)
    client.send_panel.set_input_text("PING")
    generator.rate.setValue(20)
    generator.limit.setCurrentIndex(generator.limit.findData("count"))
    generator.amount.setValue(400)
    generator.button.click()
    wait_for(app, lambda: client.controller.stats.tx_chunks >= 60)  # the graph has a history
    pump(app, 0.5)
    # Each pane's column scrolled to what this scene is about.
    server.splitters[0].widget(0).ensureWidgetVisible(server.auto_reply)  # type: ignore[attr-defined]
    graph = sections.body(sections.rate_graph)
    client.splitters[0].widget(0).ensureWidgetVisible(graph)  # type: ignore[attr-defined]
    pump(app, 0.8)
    save(window, out / f"{prefix}device-rules-generator.png")
    window.set_side_by_side(False)
    window.tabs.setCurrentWidget(client)
    PacketLibrary().save_all(
        [
            Packet("PING", "PING"),
            Packet("Read status", "STATUS?"),
            Packet("Reset", "RESET"),
        ]
    )
    window.packets_action.trigger()
    library = window.findChild(PacketLibraryWindow)
    assert library is not None
    library.reload()
    panel = library.open_panel()
    panel.choose(["PING", "Read status", "Reset"])  # type: ignore[attr-defined]
    templates = sections.body(sections.templates)
    sections.templates.set_open(True)
    templates.select("Modbus/TCP read holding registers request")
    dialog = templates.open_send()
    width, height = window.width(), window.height()
    # The dialogs tiled over the window's right part, as a user would place them.
    left, gap = width * 2 // 5, 8
    library.setGeometry(left, 40, width - left - gap, height // 4)
    lower = height // 4 + 40 + gap
    split = left + (width - left) * 11 // 20
    panel.setGeometry(left, lower, split - left - gap, height - lower - gap)
    if dialog is not None:
        dialog.setGeometry(split, lower, width - split - gap, height - lower - gap)
    pump(app, 1.0)
    # Several top-level windows: the screen, not one window, is the picture.
    screen = app.primaryScreen().grabWindow(0, 0, 0, width, height)
    # Xvfb has no window manager to draw frames: outline each window so they stand apart.
    painter = QPainter(screen)
    painter.setPen(QPen(QColor(0x30, 0x30, 0x30), 2))
    for top in (library, panel, dialog):
        if top is not None:
            painter.drawRect(top.geometry().adjusted(-1, -1, 0, 0))
    painter.end()
    path = out / f"{prefix}device-packets.png"
    screen.save(str(path))
    print(path)
    generator.button.click()
    for top in (dialog, panel, library):
        if top is not None:
            top.close()
    close_all(window)


#: Scene name -> the function that drives it (in the order they run).
SCENES: dict[str, Callable[[QApplication, MainWindow, Path, str], None]] = {
    "sticky": sticky,
    "cure": cure,
    "side-by-side": side_by_side,
    "teach-close": teach_close,
    "teach-sticky": teach_sticky,
    "lab": lab,
    "relay": relay,
    "device": device,
}


def main(
    out: Path, size: tuple[int, int] = (1600, 900), prefix: str = "", scenes: str = ""
) -> None:
    """Drive the real window through ``scenes`` (all if empty) and save a PNG of each."""
    from netassistant.app import install_translators

    app = QApplication(sys.argv[:1])
    install_translators(app)
    window = MainWindow()
    window.move(0, 0)
    window.resize(*size)
    window.show()
    for name in scenes.split(",") if scenes else SCENES:
        SCENES[name](app, window, out, prefix)
    window.close()
    optimise(out)


def readme_set(out: Path) -> None:
    """Regenerate the README's set: one process per size and language."""
    for size, language, prefix, scenes in README_SET:
        env = dict(os.environ, LANG="zh_CN.UTF-8" if language == "zh" else "C.UTF-8")
        env.pop("LANGUAGE", None)
        env.pop("LC_ALL", None)
        command = [sys.executable, __file__, str(out), "--size", size, "--prefix", prefix]
        subprocess.run([*command, "--scenes", scenes], env=env, check=True, timeout=300)


def optimise(out: Path) -> None:
    """Shrink PNGs over 300 KB to a 256-colour palette (ImageMagick, if installed)."""
    for path in sorted(out.glob("*.png")):
        if path.stat().st_size > 300_000:
            subprocess.run(
                ["convert", str(path), "-strip", "-colors", "256", f"PNG8:{path}"],
                check=False,
                timeout=60,
            )


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs", type=Path)
    parser.add_argument("--size", default="1600x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--prefix", default="", help="file name prefix")
    parser.add_argument("--scenes", default="", help=f"comma-separated: {', '.join(SCENES)}")
    parser.add_argument("--readme", action="store_true", help="the README's whole set")
    options = parser.parse_args()
    if options.readme:
        readme_set(options.out)
    else:
        width, height = (int(v) for v in options.size.lower().split("x"))
        main(options.out, (width, height), options.prefix, options.scenes)
