"""Drive the real window through a lab and save screenshots of it in progress.

Run: ``DISPLAY=:99 .venv/bin/python docs/make_lab_screenshots.py OUT [--size WxH]
[--prefix P] [--lab NAME]...`` (``LANG=zh_CN.UTF-8`` for Chinese, as the app follows the
system language).

For each lab (by default ``sticky-slow-reader`` and ``relay-in-transit``) the Labs dock
opens it, the right prediction is chosen, every step runs, and the window is saved with the
lab page (prediction next to observation) beside the panes and the timeline the lab looks
at. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from netassistant.core.scenario.labs import load_lab
from netassistant.ui.mainwindow import MainWindow

DEFAULT_LABS = ("sticky-slow-reader", "relay-in-transit")


def pump(app: QApplication, seconds: float) -> None:
    """Process events for ``seconds``, so the window paints what it was told."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(app: QApplication, window: MainWindow, name: str, path: Path) -> None:
    """Run lab ``name`` in ``window`` step by step and save the window to ``path``."""
    dock = window.labs_dock()
    lab = load_lab(name)
    dock.start(lab)
    page = dock.page
    assert page is not None
    assert lab.lab is not None
    assert dock.run is not None
    for pane in dock.panes.values():
        pane.splitters[0].setSizes([0, 1])  # settings columns shut: logs and timeline get room
    page.choices.button(lab.lab.answer).click()
    busy = [False]
    dock.run.busy_changed.connect(lambda on: busy.__setitem__(0, on))
    for button in page.stage_buttons:
        button.click()
        pump(app, 0.2)
        end = time.monotonic() + 15
        while busy[0] and time.monotonic() < end:
            pump(app, 0.05)
    pump(app, 1.5)  # the timeline takes the last batches
    window.grab().save(str(path))


def main() -> None:
    """Parse the options and save one PNG per lab."""
    from netassistant.app import install_translators

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1600x900")
    parser.add_argument("--prefix", default="")
    parser.add_argument("--lab", action="append", dest="labs")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = QApplication(sys.argv[:1])
    install_translators(app)
    window = MainWindow()
    window.resize(width, height)
    window.show()
    pump(app, 0.5)
    for name in args.labs or DEFAULT_LABS:
        shoot(app, window, name, args.out / f"{args.prefix}lab-{name}.png")
    window.labs_dock().stop()
    pump(app, 0.3)


if __name__ == "__main__":
    main()
