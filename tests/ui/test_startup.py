"""Start-up: the window imports only what its first paint needs; the start-up probe."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from netassistant.app import STARTUP_PHASES, STARTUP_T0_ENV, seconds_since_start, startup_phases
from netassistant.qt.environment import QT_ENVIRONMENT, prepare_qt_environment

# Launches the app as ``python -m netassistant`` does, printing how many threads the process
# has when its first frame has been painted (the start-up probe's report). With "pool" the
# app leaves Qt's raster thread pool on: the control, showing the count can see it.
THREADS_AT_FIRST_FRAME = """
import os, sys
import netassistant.qt.environment as environment
import netassistant.app as app_module
if sys.argv[1] == "pool":
    environment.QT_ENVIRONMENT = {}
report = app_module.FirstPaintProbe._report
def counting(self):
    print("threads", len(os.listdir("/proc/self/task")), flush=True)
    report(self)
app_module.FirstPaintProbe._report = counting
sys.exit(app_module.main(["netassistant"]))
"""


def test_probe_reports_the_first_window_and_saves_nothing(tmp_path):
    env = dict(os.environ)
    env.update(
        NETASSISTANT_CONFIG_DIR=str(tmp_path),
        NETASSISTANT_STARTUP_PROBE="1",
        QT_QPA_PLATFORM="offscreen",
    )
    env[STARTUP_T0_ENV] = repr(time.monotonic())
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "netassistant"], env=env, capture_output=True, text=True, timeout=60
    )
    wall = time.monotonic() - start
    assert proc.returncode == 0, proc.stderr
    match = re.fullmatch(r"first-window (\d+\.\d{4})\nstartup-phases (.*)\n", proc.stdout)
    assert match is not None, proc.stdout
    first_window = float(match.group(1))
    assert 0.0 < first_window < wall
    # Every phase of the launch, in order, each a duration; together the first window.
    pairs = [pair.partition("=") for pair in match.group(2).split(" ")]
    assert [name for name, _, _ in pairs] == list(STARTUP_PHASES)
    seconds = [float(value) for _, _, value in pairs]
    assert all(value >= 0.0 for value in seconds)
    assert abs(sum(seconds) - first_window) <= 0.0006  # eight figures rounded to 0.1 ms
    # The app ended without closing its window: no state was written for the next start.
    assert list(tmp_path.iterdir()) == []


def test_the_phases_run_from_the_start_each_from_the_end_of_the_one_before():
    # The report came 0.5 s after the start, at monotonic 100.0; the phases ended at 99.6
    # (0.1 s after the start), 99.75 (0.25 s) and 100.0 (0.5 s).
    marks = [("python", 99.6), ("qt", 99.75), ("first_frame", 100.0)]
    line = startup_phases(marks, now=100.0, since_start=0.5)
    assert line == "startup-phases python=0.1000 qt=0.1500 first_frame=0.2500"
    assert startup_phases([], now=1.0, since_start=1.0) == "startup-phases"


def test_seconds_since_the_launchers_reading(monkeypatch):
    monkeypatch.setenv(STARTUP_T0_ENV, repr(time.monotonic() - 5.0))
    assert 5.0 <= seconds_since_start() < 6.0


def test_seconds_since_the_process_started_without_a_reading(monkeypatch):
    monkeypatch.delenv(STARTUP_T0_ENV, raising=False)
    first = seconds_since_start()
    time.sleep(0.05)
    second = seconds_since_start()
    # The kernel's start time has a resolution of one clock tick (10 ms).
    assert 0.0 < first < 3600.0
    assert 0.03 <= second - first < 1.0


def test_the_window_opens_without_the_engine():
    # The engine (selectors, sockets, file sending, the allocator tuning) loads with the
    # first session that starts, not with the window: it is not needed to draw it.
    code = (
        "import sys, netassistant.app, netassistant.ui.mainwindow; "
        "print(sorted(m for m in sys.modules if m.startswith('netassistant.core.engine')))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout == "[]\n"


def test_the_stream_view_is_made_when_first_wanted(qtbot):
    from PySide6.QtWidgets import QTextBrowser

    from netassistant.qt.models.chunkfilter import ChunkFilter
    from netassistant.ui.receive.receiveview import ReceiveView

    view = ReceiveView()
    qtbot.addWidget(view)
    view.set_filter(ChunkFilter(conn=3))
    view.autoscroll_button.setChecked(False)
    assert view.findChild(QTextBrowser, "streamText") is None
    view.stream_toggle.setChecked(True)
    stream = view.findChild(QTextBrowser, "streamText")
    assert stream is not None
    assert stream is view.stream.text
    assert (view.stream.autoscroll, view.stream.filter.conn) == (False, 3)


def test_qt_settings_keep_what_the_user_set():
    environ = {"QT_NO_GUI_THREADPOOL": "", "PATH": "/bin"}
    prepare_qt_environment(environ)
    assert environ == {"QT_NO_GUI_THREADPOOL": "", "PATH": "/bin"}
    environ = {"PATH": "/bin"}
    prepare_qt_environment(environ)
    assert environ == {"PATH": "/bin", **QT_ENVIRONMENT}
    assert QT_ENVIRONMENT == {"QT_NO_GUI_THREADPOOL": "1"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts threads in /proc")
def test_the_first_frame_is_painted_without_a_thread_pool(tmp_path):
    # Qt's raster engine would hand the window's big fills to threads it starts at the
    # first paint and wait for them: the app paints on its own thread.
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env.update(NETASSISTANT_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    counts = {}
    for variant in ("app", "pool"):
        env["NETASSISTANT_CONFIG_DIR"] = str(tmp_path / variant)
        proc = subprocess.run(
            [sys.executable, "-c", THREADS_AT_FIRST_FRAME, variant],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        match = re.match(r"threads (\d+)\n", proc.stdout)
        assert match is not None, proc.stdout
        counts[variant] = int(match.group(1))
    assert counts["app"] == 1
    assert counts["pool"] > 1  # the control: Qt started its pool for the same window
